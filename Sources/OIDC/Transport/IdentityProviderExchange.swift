import Foundation
// Requests, responses and the transport are the HTTP module's; OIDC's callers hand OIDC a
// transport (tests a scripted IdP) and see those types through OIDC.
@_exported import HTTP

extension HTTPRequest {
    /// A GET for a JSON document (discovery, JWKS).
    public static func json(_ url: URL) -> HTTPRequest {
        HTTPRequest(method: "GET", url: url.absoluteString, headers: [("Accept", "application/json")])
    }

    /// A form POST (`application/x-www-form-urlencoded`), as the token, device and revocation
    /// endpoints require (RFC 6749 §4.1.3, RFC 8628 §3.1, RFC 7009 §2.1).
    public static func form(_ url: URL, fields: [(String, String)], headers: [(name: String, value: String)] = []) -> HTTPRequest {
        HTTPRequest(method: "POST", url: url.absoluteString,
                    headers: headers + [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
                    body: Array(FormEncoding.encode(fields).utf8))
    }
}

extension HTTPTransport {
    /// Sends one request to the IdP and returns its answer, whatever the status; throws
    /// ``OIDCError/network(host:reason:)`` when no answer came and ``OIDCError/cancelled`` when
    /// the task was cancelled. Every IdP call gets the same deadline.
    public func exchange(_ request: HTTPRequest, timeout: Duration = .seconds(30)) async throws -> HTTPResponse {
        do {
            return try await send(request, timeout: timeout)
        } catch is CancellationError {
            throw OIDCError.cancelled
        } catch let error as OIDCError {
            throw error
        } catch let error as TransportError {
            throw OIDCError.network(host: RequestLog.host(of: request.url), reason: error.reason)
        } catch {
            throw OIDCError.network(host: RequestLog.host(of: request.url), reason: TransportError.words(describing: error))
        }
    }
}
