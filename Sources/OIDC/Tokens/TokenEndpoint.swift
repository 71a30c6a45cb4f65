import Foundation

/// Talks to the IdP's token and revocation endpoints.
///
/// Every response that carries an ID token is verified before it becomes a ``TokenSet``; a
/// token set with an unverified ID token never leaves this type.
public struct TokenEndpoint: Sendable {
    public let metadata: ProviderMetadata
    public let client: ClientAuthentication
    public let verifier: IDTokenVerifier
    private let transport: any HTTPTransport
    private let now: @Sendable () -> Date

    public init(
        metadata: ProviderMetadata,
        client: ClientAuthentication,
        verifier: IDTokenVerifier,
        transport: any HTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.metadata = metadata
        self.client = client
        self.verifier = verifier
        self.transport = transport
        self.now = now
    }

    /// Exchanges an authorization code (RFC 6749 §4.1.3 with the PKCE verifier, RFC 7636 §4.5).
    public func exchange(code: String, redirectURI: String, codeVerifier: String, expectedNonce: String) async throws -> TokenSet {
        let response = try await post(fields: [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirectURI),
            ("code_verifier", codeVerifier),
        ])
        return try await tokenSet(from: response, expectedNonce: expectedNonce, previous: nil)
    }

    /// Uses a refresh token (RFC 6749 §6). Any refusal means the sign-in is over: the caller
    /// gets ``OIDCError/signInRequired(reason:)``.
    public func refresh(_ current: TokenSet) async throws -> TokenSet {
        guard let refreshToken = current.refreshToken else {
            throw OIDCError.signInRequired(reason: "the sign-in expired and the IdP gave no refresh token")
        }
        let response: TokenResponse
        do {
            response = try await post(fields: [("grant_type", "refresh_token"), ("refresh_token", refreshToken)])
        } catch OIDCError.tokenRequestRefused(let error, _) {
            throw OIDCError.signInRequired(reason: "the IdP refused to renew the sign-in (\(error))")
        }
        let refreshed = try await tokenSet(from: response, expectedNonce: nil, previous: current)
        // OIDC Core §12.2: a refreshed ID token must name the same user for the same client.
        guard refreshed.claims.subject == current.claims.subject, refreshed.claims.issuer == current.claims.issuer else {
            throw OIDCError.signInRequired(reason: "the renewed sign-in names a different user")
        }
        return refreshed
    }

    /// Polls once for the device flow (RFC 8628 §3.4). Errors come back as
    /// ``OIDCError/tokenRequestRefused(error:description:)`` for the caller's polling loop.
    func pollDeviceCode(_ deviceCode: String) async throws -> TokenSet {
        let response = try await post(fields: [
            ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            ("device_code", deviceCode),
        ])
        return try await tokenSet(from: response, expectedNonce: nil, previous: nil)
    }

    /// Revokes a token (RFC 7009) when the IdP advertises a revocation endpoint. Returns
    /// whether a revocation was sent and accepted.
    @discardableResult
    public func revoke(_ token: String, hint: String) async throws -> Bool {
        guard let endpoint = metadata.revocationEndpoint else { return false }
        var fields = [("token", token), ("token_type_hint", hint)]
        var headers: [(name: String, value: String)] = []
        client.apply(to: &fields, headers: &headers)
        let response = try await transport.exchange(.form(endpoint, fields: fields, headers: headers))
        // RFC 7009 §2.2: 200 whether or not the token was still valid.
        return response.statusCode == 200
    }

    func post(fields: [(String, String)], to endpoint: URL? = nil) async throws -> TokenResponse {
        let url = endpoint ?? metadata.tokenEndpoint
        var fields = fields
        var headers: [(name: String, value: String)] = []
        client.apply(to: &fields, headers: &headers)
        let response = try await transport.exchange(.form(url, fields: fields, headers: headers))
        if response.statusCode == 200 {
            guard let decoded = try? JSONDecoder().decode(TokenResponse.self, from: Data(response.body)) else {
                throw OIDCError.unexpectedResponse(endpoint: url.absoluteString, status: response.statusCode)
            }
            return decoded
        }
        if (400..<500).contains(response.statusCode), let body = try? JSONDecoder().decode(OAuthErrorBody.self, from: Data(response.body)) {
            throw OIDCError.tokenRequestRefused(error: body.error, description: body.errorDescription.map(Self.bounded))
        }
        throw OIDCError.unexpectedResponse(endpoint: url.absoluteString, status: response.statusCode)
    }

    private func tokenSet(from response: TokenResponse, expectedNonce: String?, previous: TokenSet?) async throws -> TokenSet {
        // A refresh response may omit the ID token (OIDC Core §12.2); then the old one stays,
        // but only while it is still valid.
        guard let idToken = response.idToken ?? previous?.idToken else {
            throw OIDCError.malformedIDToken("the token response has no id_token; is `openid` in [identity].scopes?")
        }
        let claims = try await verifier.verify(idToken, expectedNonce: expectedNonce, now: now())
        return TokenSet(
            idToken: idToken,
            accessToken: response.accessToken ?? previous?.accessToken,
            refreshToken: response.refreshToken ?? previous?.refreshToken,
            accessTokenExpiresAt: response.expiresIn.map { now().addingTimeInterval($0) },
            claims: claims
        )
    }

    /// IdP error descriptions are shown to the user; keep them short. Making them safe for a
    /// terminal is the job of the one sanitiser where text reaches one (Terminal's
    /// `TextSanitizer`, in the TUI and the CLI), and the browser page escapes them as HTML.
    static func bounded(_ text: String) -> String {
        String(text.prefix(300))
    }
}
