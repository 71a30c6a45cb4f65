/// A response whose body is delivered in chunks as it arrives (event streams).
public struct HTTPStreamingResponse: Sendable {
    public var statusCode: Int
    public var headers: [(name: String, value: String)]
    /// Finishing or cancelling the consumer's iteration closes the connection.
    public var body: AsyncThrowingStream<[UInt8], any Error>

    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    public init(statusCode: Int, headers: [(name: String, value: String)], body: AsyncThrowingStream<[UInt8], any Error>) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }
}
