import Logging

/// A transport that writes one `--debug` line per exchange (see ``RequestLog``):
/// `"<party> request"` when an answer came, `"<party> request got no response"` when none did.
///
/// Clients that retry (AWS) log their own lines, attempt by attempt; this wraps the transports
/// of clients that send each request once (the IdP, model servers, the sandbox's fetches).
public struct LoggedTransport: HTTPTransport {
    public let base: any HTTPTransport
    /// Who is on the other side, as the log names it: `IdP`, `model`.
    public let party: String
    public let logger: Logger

    public init(_ base: any HTTPTransport, party: String, logger: Logger) {
        self.base = base
        self.party = party
        self.logger = logger
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let started = ContinuousClock.now
        do {
            let response = try await base.send(request, timeout: timeout)
            logger.debug("\(party) request", metadata: RequestLog.metadata(method: request.method, url: request.url,
                                                                          status: response.statusCode, attempt: 1, since: started))
            return response
        } catch {
            logFailure(request, error, since: started)
            throw error
        }
    }

    public func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPStreamingResponse {
        let started = ContinuousClock.now
        do {
            let response = try await base.stream(request, timeout: timeout)
            logger.debug("\(party) request", metadata: RequestLog.metadata(method: request.method, url: request.url,
                                                                          status: response.statusCode, attempt: 1, since: started))
            return response
        } catch {
            logFailure(request, error, since: started)
            throw error
        }
    }

    private func logFailure(_ request: HTTPRequest, _ error: any Error, since started: ContinuousClock.Instant) {
        let words = (error as? TransportError)?.userMessage ?? String(describing: type(of: error))
        logger.debug("\(party) request got no response", metadata: RequestLog.metadata(
            method: request.method, url: request.url, status: nil, attempt: 1, since: started, extra: ["error": "\(words)"]))
    }
}
