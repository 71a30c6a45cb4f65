import Foundation

/// The browser leg of an authorization-code sign-in whose code another party redeems: IAM
/// Identity Center for data accessors of the authorization-code type, where the code goes to
/// `CreateTokenWithIAM` (signed with AWS credentials) instead of an OAuth token endpoint.
///
/// The same parts as ``AuthorizationCodeFlow``: a fresh `state` and PKCE S256 pair, the
/// loopback receiver started before the browser opens (so the redirect cannot arrive at a
/// closed port), one accepted callback whose `state` matches. The redirect URI is the exact
/// one registered for the application, so the receiver binds its fixed port and path.
public struct BrowserAuthorization: Sendable {
    /// What the token request needs: the code, the redirect URI it was issued for, and the
    /// PKCE verifier. All but the URI are secrets.
    public struct Grant: Sendable, CustomStringConvertible {
        public let code: String
        public let redirectURI: String
        public let codeVerifier: String

        public var description: String { "BrowserAuthorization.Grant(redirectURI: \(redirectURI), code: <redacted>)" }
    }

    let authorizationEndpoint: URL
    let clientID: String
    let redirectURI: String
    let browser: any URLOpener

    /// `redirectURI` must be `http://127.0.0.1:PORT/PATH` or `http://localhost:PORT/PATH`.
    public init(authorizationEndpoint: URL, clientID: String, redirectURI: String, browser: any URLOpener = BrowserLauncher()) {
        self.authorizationEndpoint = authorizationEndpoint
        self.clientID = clientID
        self.redirectURI = redirectURI
        self.browser = browser
    }

    public func run(options: AuthorizationCodeFlow.Options, progress: @Sendable (SignInProgress) -> Void) async throws -> Grant {
        guard let redirect = URLComponents(string: redirectURI), redirect.scheme == "http", let host = redirect.host,
              ["127.0.0.1", "localhost"].contains(host), let port = redirect.port, port > 0, redirect.path.hasPrefix("/") else {
            throw OIDCError.invalidConfiguration("the redirect URI must be http://127.0.0.1:PORT/PATH or http://localhost:PORT/PATH")
        }
        let state = RandomValue.make()
        let pkce = PKCE()
        let url = try authorizationURL(state: state, pkce: pkce, loginHint: options.loginHint)
        let receiver = try await LoopbackReceiver.start(port: port, path: redirect.path, expectedState: state, redirectHost: host)
        let code = try await receiver.authorizationCode(signingInAt: url, redirectURI: redirectURI, options: options,
                                                        browser: browser, progress: progress)
        return Grant(code: code, redirectURI: redirectURI, codeVerifier: pkce.verifier)
    }

    /// `response_type=code`, the client, the exact redirect URI, `state` and the S256 challenge.
    func authorizationURL(state: String, pkce: PKCE, loginHint: String?) throws -> URL {
        guard var components = URLComponents(url: authorizationEndpoint, resolvingAgainstBaseURL: false) else {
            throw OIDCError.invalidConfiguration("the authorization endpoint is not a URL")
        }
        var items = [("response_type", "code"), ("client_id", clientID), ("redirect_uri", redirectURI), ("state", state),
                     ("code_challenge", pkce.challenge), ("code_challenge_method", pkce.method)]
        if let loginHint, !loginHint.isEmpty { items.append(("login_hint", loginHint)) }
        let existing = components.percentEncodedQuery.map { [$0] } ?? []
        components.percentEncodedQuery = (existing + items.map { "\(FormEncoding.escape($0.0))=\(FormEncoding.escape($0.1))" })
            .joined(separator: "&")
        guard let url = components.url else { throw OIDCError.invalidConfiguration("the authorization endpoint is not a URL") }
        return url
    }
}
