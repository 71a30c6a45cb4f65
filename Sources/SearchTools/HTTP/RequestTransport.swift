import struct Foundation.Data
import HTTP
import Logging
import MCP

/// The MCP transport of one HTTP POST: the request's one JSON-RPC message goes in, and what
/// the server sends back (progress notifications, then the response) comes out, to be
/// written as JSON or as a server-sent event stream.
actor RequestTransport: Transport {
    nonisolated let logger: Logger
    private let incoming: AsyncThrowingStream<Data, any Error>
    private let incomingContinuation: AsyncThrowingStream<Data, any Error>.Continuation
    /// Everything the server sends, in order; finishes after the response (or a cancellation).
    nonisolated let outgoing: AsyncStream<Data>
    private let outgoingContinuation: AsyncStream<Data>.Continuation

    init(logger: Logger) {
        self.logger = logger
        let (incoming, incomingContinuation) = AsyncThrowingStream.makeStream(of: Data.self)
        self.incoming = incoming
        self.incomingContinuation = incomingContinuation
        let (outgoing, outgoingContinuation) = AsyncStream.makeStream(of: Data.self)
        self.outgoing = outgoing
        self.outgoingContinuation = outgoingContinuation
    }

    func connect() async throws {}

    func disconnect() async {
        incomingContinuation.finish()
        outgoingContinuation.finish()
    }

    func send(_ data: Data) async throws {
        outgoingContinuation.yield(data)
        if Self.isResponse(data) { outgoingContinuation.finish() }
    }

    func receive() -> AsyncThrowingStream<Data, any Error> { incoming }

    /// Hands the server a message from the client.
    nonisolated func deliver(_ data: Data) {
        incomingContinuation.yield(data)
    }

    /// The call ended by cancellation: MCP sends no response, so the HTTP exchange ends here.
    nonisolated func endWithoutResponse() {
        outgoingContinuation.finish()
    }

    static func isResponse(_ data: Data) -> Bool {
        guard let message = JSONValue.parse(data), message.objectValue != nil else { return false }
        return message["method"] == nil && (message["result"] != nil || message["error"] != nil)
    }
}
