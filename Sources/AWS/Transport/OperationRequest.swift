/// One API call before signing: what the protocol serialiser produced.
public struct OperationRequest: Sendable {
    public var method: String
    /// Percent-encoded path, starting with `/`.
    public var path: String
    /// Percent-encoded query without `?`.
    public var query: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, path: String, query: String = "", headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
