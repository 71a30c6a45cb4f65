import Foundation
import Logging
import OIDC

/// The IdP transport with one `--debug` line per exchange: method, host, path, status and
/// latency. Never the query (authorization codes, state) or a body (tokens, secrets).
struct LoggedIdentityTransport: OIDC.HTTPTransport {
    let base: any OIDC.HTTPTransport
    let logger: Logger

    func send(_ request: OIDC.HTTPRequest) async throws -> OIDC.HTTPResponse {
        let started = ContinuousClock.now
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)", "host": "\(request.url.host ?? "-")",
            "path": "\(request.url.path.isEmpty ? "/" : request.url.path)", "attempt": "1",
        ]
        do {
            let response = try await base.send(request)
            metadata["status"] = "\(response.status)"
            metadata["latencyMs"] = "\(Self.milliseconds(since: started))"
            logger.debug("IdP request", metadata: metadata)
            return response
        } catch {
            metadata["latencyMs"] = "\(Self.milliseconds(since: started))"
            metadata["error"] = "\((error as? OIDCError)?.userMessage ?? String(describing: type(of: error)))"
            logger.debug("IdP request got no response", metadata: metadata)
            throw error
        }
    }

    static func milliseconds(since started: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - started
        return String(format: "%.1f", Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
}
