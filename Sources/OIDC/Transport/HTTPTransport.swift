import Foundation

/// The status and body of an IdP answer; headers are not needed by any OIDC step here.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// The seam between the OIDC logic and the network. Production uses ``AsyncHTTPTransport``;
/// tests put a scripted IdP behind it.
public protocol HTTPTransport: Sendable {
    /// Sends a request and returns the response, whatever its status. Throws
    /// ``OIDCError/network(host:reason:)`` when no response arrives.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
