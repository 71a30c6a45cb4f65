import Foundation

/// One authorization attempt (OIDC Core §3.1.2.1 with PKCE): fresh `state`, `nonce` and
/// verifier every time, so an answer to an earlier or foreign attempt cannot be replayed.
public struct AuthorizationRequest: Sendable {
    public let state: String
    public let nonce: String
    public let pkce: PKCE
    public let redirectURI: String
    public let url: URL

    public init(endpoint: URL, clientID: String, redirectURI: String, scopes: [String], loginHint: String?, state: String? = nil) throws {
        self.state = state ?? RandomValue.make()
        self.nonce = RandomValue.make()
        self.pkce = PKCE()
        self.redirectURI = redirectURI
        guard var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false) else {
            throw OIDCError.invalidConfiguration("the authorization endpoint is not a URL")
        }
        var items = components.queryItems ?? []
        items += [
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "client_id", value: clientID),
            URLQueryItem(name: "redirect_uri", value: redirectURI),
            URLQueryItem(name: "scope", value: scopes.joined(separator: " ")),
            URLQueryItem(name: "state", value: state),
            URLQueryItem(name: "nonce", value: nonce),
            URLQueryItem(name: "code_challenge", value: pkce.challenge),
            URLQueryItem(name: "code_challenge_method", value: pkce.method),
        ]
        if let loginHint, !loginHint.isEmpty {
            items.append(URLQueryItem(name: "login_hint", value: loginHint))
        }
        components.percentEncodedQuery = items.map { "\(FormEncoding.escape($0.name))=\(FormEncoding.escape($0.value ?? ""))" }.joined(separator: "&")
        guard let url = components.url else { throw OIDCError.invalidConfiguration("the authorization endpoint is not a URL") }
        self.url = url
    }
}
