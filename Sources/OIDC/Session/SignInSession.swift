import Foundation
import Logging

/// The sign-in as the rest of qseek sees it: sign in (browser or device), hand out a valid ID
/// token (refreshing silently when it is about to expire), say who is signed in, sign out.
///
/// Discovery and keys are fetched lazily, so constructing a session never touches the network.
public actor SignInSession {
    public let configuration: IdentityConfiguration
    private let transport: any HTTPTransport
    private let cache: TokenCache
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let discovery: ProviderDiscovery
    private var keys: SigningKeySet?

    /// An ID token closer than this to expiry is refreshed before it is handed out, so the TTI
    /// exchange that presents it does not fail halfway.
    public static let refreshMargin: TimeInterval = 300

    public init(
        configuration: IdentityConfiguration,
        transport: any HTTPTransport = AsyncHTTPTransport.shared.limitingResponses(to: 1 << 20),
        cache: TokenCache = TokenCache(directory: TokenCache.defaultDirectory()),
        logger: Logger = Logger(label: "qseek.oidc"),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.cache = cache
        self.logger = logger
        self.now = now
        self.discovery = ProviderDiscovery(issuer: configuration.issuer, transport: transport)
    }

    /// Whether the IdP offers the device flow (for `flow = "auto"` and the sign-in screen).
    public func supportsDeviceFlow() async throws -> Bool {
        try await discovery.metadata().deviceAuthorizationEndpoint != nil
    }

    public func signInWithBrowser(
        options: AuthorizationCodeFlow.Options = .init(),
        browser: any URLOpener = BrowserLauncher(),
        progress: @Sendable (SignInProgress) -> Void
    ) async throws -> TokenSet {
        try configuration.validate()
        let flow = AuthorizationCodeFlow(configuration: configuration, endpoint: try await tokenEndpoint(), browser: browser)
        let tokens = try await flow.run(options: options, progress: progress)
        try remember(tokens)
        return tokens
    }

    public func signInWithDevice(
        sleep: @escaping DeviceFlow.Sleep = { try await Task.sleep(for: $0) },
        progress: @Sendable (SignInProgress) -> Void
    ) async throws -> TokenSet {
        try configuration.validate()
        let flow = DeviceFlow(endpoint: try await tokenEndpoint(), scopes: configuration.scopes, transport: transport, sleep: sleep, now: now)
        let tokens = try await flow.run(progress: progress)
        try remember(tokens)
        return tokens
    }

    /// The cached sign-in without any network use, or `nil`. For `whoami` and the status bar.
    public func cachedSignIn() -> TokenSet? {
        cache.load(key: configuration.cacheKey)
    }

    /// A token set whose ID token is valid for at least ``refreshMargin``: the cached one, or a
    /// silently refreshed one. Throws ``OIDCError/signInRequired(reason:)`` when neither works.
    public func validTokens() async throws -> TokenSet {
        guard let cached = cache.load(key: configuration.cacheKey) else {
            throw OIDCError.signInRequired(reason: "nobody is signed in for \(configuration.issuer)")
        }
        guard cached.idTokenExpires(within: Self.refreshMargin, now: now()) else { return cached }
        // One process refreshes at a time; the others wait and then find its result.
        return try await cache.withExclusiveLock(key: configuration.cacheKey) {
            guard let current = cache.load(key: configuration.cacheKey) else {
                throw OIDCError.signInRequired(reason: "nobody is signed in for \(configuration.issuer)")
            }
            guard current.idTokenExpires(within: Self.refreshMargin, now: now()) else { return current }
            logger.debug("ID token expires soon; refreshing", metadata: ["subject": "\(current.claims.subject)"])
            do {
                let refreshed = try await tokenEndpoint().refresh(current)
                try remember(refreshed)
                return refreshed
            } catch let error as OIDCError {
                // A process that does not take the lock (an older qseek) may still have
                // refreshed with a refresh token the IdP rotates; its result is as good.
                if let latest = cache.load(key: configuration.cacheKey), latest != current,
                    !latest.idTokenExpires(within: Self.refreshMargin, now: now())
                {
                    return latest
                }
                switch error {
                case .signInRequired, .unexpectedResponse, .cancelled:
                    // A broken or unreachable IdP is not a reason to sign in again.
                    throw error
                case _ where error.isNetworkFailure:
                    throw error
                default:
                    throw OIDCError.signInRequired(reason: "renewing the sign-in failed: \(error.userMessage)")
                }
            }
        }
    }

    /// What the IdP's token endpoint says about this client id, asked with a refresh token that
    /// cannot be valid: IdPs authenticate the client before they look at the grant, so
    /// `invalid_client` (or `unauthorized_client`) means the client id itself is refused, and
    /// any other refusal means the client passed. Creates no grant. For `qseek doctor`.
    public func checkClient() async throws -> ClientCheck {
        let endpoint = try await tokenEndpoint()
        do {
            _ = try await endpoint.post(fields: [("grant_type", "refresh_token"), ("refresh_token", "qseek-client-check-" + RandomValue.make())])
            return .undetermined
        } catch OIDCError.tokenRequestRefused(let error, let description) {
            if ["invalid_client", "unauthorized_client"].contains(error) { return .refused(error: error, description: description) }
            return .accepted
        } catch OIDCError.unexpectedResponse {
            return .undetermined
        }
    }

    /// Forgets the sign-in and, where the IdP advertises RFC 7009 revocation, revokes the
    /// refresh token (which ends the grant) and the access token. Returns whether a
    /// revocation was accepted. The local copy is deleted even when revocation fails.
    @discardableResult
    public func signOut() async throws -> Bool {
        let cached = cache.load(key: configuration.cacheKey)
        try cache.remove(key: configuration.cacheKey)
        guard let cached else { return false }
        do {
            let endpoint = try await tokenEndpoint()
            var revoked = false
            if let refreshToken = cached.refreshToken {
                revoked = try await endpoint.revoke(refreshToken, hint: "refresh_token")
            }
            if let accessToken = cached.accessToken {
                revoked = try await endpoint.revoke(accessToken, hint: "access_token") || revoked
            }
            return revoked
        } catch {
            logger.notice("Token revocation failed; the local sign-in was removed anyway", metadata: ["reason": "\(error)"])
            return false
        }
    }

    private func remember(_ tokens: TokenSet) throws {
        try cache.store(tokens, key: configuration.cacheKey)
    }

    private func tokenEndpoint() async throws -> TokenEndpoint {
        let metadata = try await discovery.metadata()
        let keys = self.keys ?? SigningKeySet(jwksURI: metadata.jwksURI, transport: transport, now: now)
        self.keys = keys
        let verifier = IDTokenVerifier(
            issuer: configuration.issuer,
            clientID: configuration.clientID,
            advertisedAlgorithms: metadata.idTokenSigningAlgValuesSupported,
            keys: keys
        )
        let client = try ClientAuthentication.choose(
            clientID: configuration.clientID,
            secret: configuration.clientSecret,
            advertised: metadata.tokenEndpointAuthMethodsSupported
        )
        return TokenEndpoint(metadata: metadata, client: client, verifier: verifier, transport: transport, now: now)
    }
}

/// The answer of ``SignInSession/checkClient()``.
public enum ClientCheck: Sendable, Equatable {
    /// The IdP looked past the client id (it refused only the made-up grant).
    case accepted
    /// The IdP refused the client id: `invalid_client` or `unauthorized_client`.
    case refused(error: String, description: String?)
    /// The IdP's answer does not tell.
    case undetermined
}
