import AWS
import Synchronization

/// Counts the HTTP attempts a step makes, so the flow view can say how often it was retried.
final class AttemptCountingTransport: HTTPTransport {
    private let base: any HTTPTransport
    private let count = Mutex(0)

    init(_ base: any HTTPTransport) {
        self.base = base
    }

    var attempts: Int { count.withLock { $0 } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        count.withLock { $0 += 1 }
        return try await base.send(request, timeout: timeout)
    }

    func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPStreamingResponse {
        count.withLock { $0 += 1 }
        return try await base.stream(request, timeout: timeout)
    }
}
