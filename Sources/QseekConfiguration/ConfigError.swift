/// A configuration problem, located as precisely as the file allows.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, or `nil` for text not read from a file.
    public var file: String?
    /// 1-based line; `nil` when the problem is not tied to a line (a missing file).
    public var line: Int?
    /// The dotted key, e.g. `identity.flow` or `tenants[1].id`.
    public var key: String?
    public var message: String

    public init(file: String?, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `file:line: key: message`, the form editors and terminals turn into links.
    public var description: String {
        var location = file ?? "<config>"
        if let line { location += ":\(line)" }
        if let key { return "\(location): \(key): \(message)" }
        return "\(location): \(message)"
    }
}
