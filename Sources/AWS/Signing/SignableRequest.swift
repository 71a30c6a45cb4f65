/// The parts of an HTTP request that SigV4 covers, as they go on (or came off) the wire.
///
/// `path` and `query` are the request-target exactly as sent, already percent-encoded by the
/// protocol serialiser; the canonicaliser encodes the path once more, which is the "double
/// encoding" every service but S3 expects. Headers keep their order and repetitions because
/// both matter to the canonical form (repeated headers are joined with commas in order).
public struct SignableRequest: Sendable, Equatable {
    public var method: String
    public var path: String
    public var query: String
    public var headers: [(name: String, value: String)]
    /// Lowercase hex SHA-256 of the body, or `UNSIGNED-PAYLOAD` where a service allows it.
    public var payloadHash: String

    public init(method: String, path: String, query: String = "", headers: [(name: String, value: String)], payloadHash: String) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payloadHash = payloadHash
    }

    /// Builds a request whose payload hash is computed from `body`.
    public init(method: String, path: String, query: String = "", headers: [(name: String, value: String)], body: [UInt8]) {
        self.init(method: method, path: path, query: query, headers: headers, payloadHash: Hashing.sha256Hex(body))
    }

    /// All values of the header `name` (case-insensitive), in order.
    public func values(of name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    public static func == (lhs: SignableRequest, rhs: SignableRequest) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path && lhs.query == rhs.query
            && lhs.payloadHash == rhs.payloadHash
            && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}
