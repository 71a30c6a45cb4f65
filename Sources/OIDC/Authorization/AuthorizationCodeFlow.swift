import Foundation

/// Authorization code + PKCE through the system browser and a loopback receiver
/// (RFC 8252 native-app flow).
public struct AuthorizationCodeFlow: Sendable {
    public struct Options: Sendable {
        /// `false` for `--no-browser`: only report the URL.
        public var openBrowser: Bool
        public var loginHint: String?
        public var timeout: Duration

        public init(openBrowser: Bool = true, loginHint: String? = nil, timeout: Duration = .seconds(300)) {
            self.openBrowser = openBrowser
            self.loginHint = loginHint
            self.timeout = timeout
        }
    }

    let configuration: IdentityConfiguration
    let endpoint: TokenEndpoint
    let browser: any URLOpener

    public init(configuration: IdentityConfiguration, endpoint: TokenEndpoint, browser: any URLOpener = BrowserLauncher()) {
        self.configuration = configuration
        self.endpoint = endpoint
        self.browser = browser
    }

    public func run(options: Options, progress: @Sendable (SignInProgress) -> Void) async throws -> TokenSet {
        let metadata = endpoint.metadata
        if let methods = metadata.codeChallengeMethodsSupported, !methods.contains("S256") {
            throw OIDCError.pkceS256Unsupported(issuer: metadata.issuer)
        }
        // The state must be known before the receiver exists, and the receiver must exist
        // before the URL (which needs its port) is built and the browser opened.
        let state = RandomValue.make()
        let receiver = try await LoopbackReceiver.start(port: configuration.redirectPort, path: configuration.redirectPath,
                                                       expectedState: state, redirectHost: configuration.redirectHost)
        let request: AuthorizationRequest
        do {
            request = try AuthorizationRequest(
                endpoint: metadata.authorizationEndpoint,
                clientID: configuration.clientID,
                redirectURI: receiver.redirectURI(host: configuration.redirectHost),
                scopes: configuration.scopes,
                loginHint: options.loginHint,
                state: state
            )
        } catch {
            await receiver.close()
            throw error
        }
        let code = try await receiver.authorizationCode(signingInAt: request.url, redirectURI: request.redirectURI, options: options,
                                                        browser: browser, progress: progress)
        let tokens = try await endpoint.exchange(code: code, redirectURI: request.redirectURI, codeVerifier: request.pkce.verifier, expectedNonce: request.nonce)
        progress(.signedIn(subject: tokens.claims.subject))
        return tokens
    }
}
