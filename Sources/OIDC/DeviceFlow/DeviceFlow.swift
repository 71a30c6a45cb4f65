import Foundation

/// The device authorization grant (RFC 8628), for machines where no browser can reach the
/// loopback receiver: the user types a short code on another device.
public struct DeviceFlow: Sendable {
    public typealias Sleep = @Sendable (Duration) async throws -> Void

    let endpoint: TokenEndpoint
    let scopes: [String]
    let transport: any HTTPTransport
    let sleep: Sleep
    let now: @Sendable () -> Date

    /// - Parameter sleep: how to wait between polls; tests pass one that returns at once and
    ///   records the intervals.
    public init(
        endpoint: TokenEndpoint,
        scopes: [String],
        transport: any HTTPTransport,
        sleep: @escaping Sleep = { try await Task.sleep(for: $0) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.endpoint = endpoint
        self.scopes = scopes
        self.transport = transport
        self.sleep = sleep
        self.now = now
    }

    public func run(progress: @Sendable (SignInProgress) -> Void) async throws -> TokenSet {
        guard let deviceEndpoint = endpoint.metadata.deviceAuthorizationEndpoint else {
            throw OIDCError.missingEndpoint("device_authorization_endpoint")
        }
        var fields = [("scope", scopes.joined(separator: " "))]
        var headers: [(name: String, value: String)] = []
        endpoint.client.apply(to: &fields, headers: &headers)
        let response = try await transport.exchange(.form(deviceEndpoint, fields: fields, headers: headers))
        guard response.statusCode == 200 else {
            if let body = try? JSONDecoder().decode(OAuthErrorBody.self, from: Data(response.body)) {
                throw OIDCError.tokenRequestRefused(error: body.error, description: body.errorDescription.map(TokenEndpoint.bounded))
            }
            throw OIDCError.unexpectedResponse(endpoint: deviceEndpoint.absoluteString, status: response.statusCode)
        }
        guard let authorization = try? JSONDecoder().decode(DeviceAuthorization.self, from: Data(response.body)) else {
            throw OIDCError.unexpectedResponse(endpoint: deviceEndpoint.absoluteString, status: response.statusCode)
        }
        progress(.deviceCode(
            userCode: authorization.userCode,
            verificationURI: authorization.verificationURI,
            verificationURIComplete: authorization.verificationURIComplete,
            expiresIn: authorization.expiresIn
        ))
        progress(.waitingForDeviceApproval)

        let deadline = now().addingTimeInterval(authorization.expiresIn)
        // §3.2: 5 seconds when the IdP does not say. Clamped, like every interval after a
        // `slow_down`: an IdP's 1e30 must not overflow the sleep.
        var interval = DeviceAuthorization.pollingInterval(authorization.interval ?? 5)
        while true {
            try Task.checkCancellation()
            if now() >= deadline { throw OIDCError.deviceCodeExpired }
            try await sleep(.seconds(interval))
            do {
                let tokens = try await endpoint.pollDeviceCode(authorization.deviceCode)
                progress(.signedIn(subject: tokens.claims.subject))
                return tokens
            } catch OIDCError.tokenRequestRefused(let error, let description) {
                switch error {
                case "authorization_pending":
                    continue
                case "slow_down":
                    // §3.5: add 5 seconds to this and every later interval.
                    interval = DeviceAuthorization.pollingInterval(interval + 5)
                case "expired_token":
                    throw OIDCError.deviceCodeExpired
                case "access_denied":
                    throw OIDCError.deviceAccessDenied
                default:
                    throw OIDCError.tokenRequestRefused(error: error, description: description)
                }
            }
        }
    }
}
