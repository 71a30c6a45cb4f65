/// One HTTP request as the AWS layer sends it: absolute URL, ordered headers, a byte body.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A complete, size-bounded response.
public struct HTTPResponse: Sendable {
    public var statusCode: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(statusCode: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    public var isSuccess: Bool { (200..<300).contains(statusCode) }
}

/// A response whose body is delivered in chunks as it arrives (event streams).
public struct HTTPStreamingResponse: Sendable {
    public var statusCode: Int
    public var headers: [(name: String, value: String)]
    /// Finishing or cancelling the consumer's iteration closes the connection.
    public var body: AsyncThrowingStream<[UInt8], any Error>

    public init(statusCode: Int, headers: [(name: String, value: String)], body: AsyncThrowingStream<[UInt8], any Error>) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }
}

/// Sends HTTP requests. The production conformer is `AsyncHTTPTransport`; the seam exists so
/// credential providers and clients are exercised against local servers through the same code.
/// Implementations throw `TransportError` for everything below HTTP.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
    func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPStreamingResponse
}
