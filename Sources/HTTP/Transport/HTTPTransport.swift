/// Sends HTTP requests: the one seam between the product and the network.
///
/// The production conformer is ``AsyncHTTPTransport``; tests put local servers or scripted
/// fakes behind the same protocol, so every client is exercised through the code that talks
/// to the real services. Implementations answer every status as a response (3xx included:
/// nothing follows redirects) and throw ``TransportError`` for everything below HTTP.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the whole, size-bounded response, whatever its status.
    /// `timeout` bounds the whole exchange.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
    /// Sends `request` and returns once the head arrived; the body follows chunk by chunk
    /// (server-sent events, event streams).
    func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPStreamingResponse
}

extension HTTPTransport {
    /// A fake that only scripts whole responses streams each of them as one chunk.
    public func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPStreamingResponse {
        let response = try await send(request, timeout: timeout)
        let (body, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        if !response.body.isEmpty { continuation.yield(response.body) }
        continuation.finish()
        return HTTPStreamingResponse(statusCode: response.statusCode, headers: response.headers, body: body)
    }
}
