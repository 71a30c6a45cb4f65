/// A TOML table: keys in the order the document defines them, each with its value.
public struct TOMLTable: Sendable, Equatable {
    /// The keys in document order.
    public private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]

    public init() {}

    public subscript(key: String) -> TOMLValue? {
        values[key]
    }

    public var isEmpty: Bool { keys.isEmpty }

    /// The entries in document order.
    public var entries: [(key: String, value: TOMLValue)] {
        keys.compactMap { key in values[key].map { (key, $0) } }
    }

    /// Adds `value` under a new `key`; returns false, changing nothing, when the key exists.
    @discardableResult
    public mutating func insert(_ value: TOMLValue, forKey key: String) -> Bool {
        guard values[key] == nil else { return false }
        keys.append(key)
        values[key] = value
        return true
    }
}
