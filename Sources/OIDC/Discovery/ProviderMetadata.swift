import Foundation

/// The parts of an OpenID Provider's discovery document (OpenID Connect Discovery 1.0 §3)
/// that sign-in uses.
public struct ProviderMetadata: Sendable, Equatable, Decodable {
    public var issuer: String
    public var authorizationEndpoint: URL
    public var tokenEndpoint: URL
    public var jwksURI: URL
    public var userinfoEndpoint: URL?
    public var deviceAuthorizationEndpoint: URL?
    public var revocationEndpoint: URL?
    public var idTokenSigningAlgValuesSupported: [String]
    public var tokenEndpointAuthMethodsSupported: [String]?
    public var codeChallengeMethodsSupported: [String]?
    public var grantTypesSupported: [String]?

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
        case userinfoEndpoint = "userinfo_endpoint"
        case deviceAuthorizationEndpoint = "device_authorization_endpoint"
        case revocationEndpoint = "revocation_endpoint"
        case idTokenSigningAlgValuesSupported = "id_token_signing_alg_values_supported"
        case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
        case codeChallengeMethodsSupported = "code_challenge_methods_supported"
        case grantTypesSupported = "grant_types_supported"
    }

    public init(
        issuer: String,
        authorizationEndpoint: URL,
        tokenEndpoint: URL,
        jwksURI: URL,
        userinfoEndpoint: URL? = nil,
        deviceAuthorizationEndpoint: URL? = nil,
        revocationEndpoint: URL? = nil,
        idTokenSigningAlgValuesSupported: [String] = ["RS256"],
        tokenEndpointAuthMethodsSupported: [String]? = nil,
        codeChallengeMethodsSupported: [String]? = nil,
        grantTypesSupported: [String]? = nil
    ) {
        self.issuer = issuer
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.jwksURI = jwksURI
        self.userinfoEndpoint = userinfoEndpoint
        self.deviceAuthorizationEndpoint = deviceAuthorizationEndpoint
        self.revocationEndpoint = revocationEndpoint
        self.idTokenSigningAlgValuesSupported = idTokenSigningAlgValuesSupported
        self.tokenEndpointAuthMethodsSupported = tokenEndpointAuthMethodsSupported
        self.codeChallengeMethodsSupported = codeChallengeMethodsSupported
        self.grantTypesSupported = grantTypesSupported
    }

    /// The discovery document's URL for an issuer (Discovery §4.1): the issuer with any
    /// trailing slash removed, then `/.well-known/openid-configuration`. The issuer must be
    /// https unless it is on this machine (the sandbox, a test IdP): over plain http anyone
    /// on the path could serve their own keys and sign tokens for it.
    public static func discoveryURL(for issuer: String) throws -> URL {
        var base = issuer
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base + "/.well-known/openid-configuration"),
            let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", let host = url.host
        else {
            throw OIDCError.invalidConfiguration("issuer `\(issuer)` is not an http(s) URL")
        }
        guard scheme == "https" || Self.isLoopback(host) else {
            throw OIDCError.invalidConfiguration("issuer `\(issuer)` must use https (plain http only to 127.0.0.1, ::1 or localhost)")
        }
        return url
    }

    /// The first endpoint of the document that may not be used, named by its key: each must
    /// be https, or plain http to loopback when the issuer itself is on loopback.
    func insecureEndpoint(issuerIsLoopback: Bool) -> (key: String, url: URL)? {
        let endpoints: [(String, URL?)] = [
            ("authorization_endpoint", authorizationEndpoint), ("token_endpoint", tokenEndpoint), ("jwks_uri", jwksURI),
            ("device_authorization_endpoint", deviceAuthorizationEndpoint), ("revocation_endpoint", revocationEndpoint),
            ("userinfo_endpoint", userinfoEndpoint),
        ]
        for case let (key, url?) in endpoints {
            let scheme = url.scheme?.lowercased()
            let allowed = scheme == "https" || (scheme == "http" && issuerIsLoopback && url.host.map(Self.isLoopback) == true)
            if !allowed { return (key, url) }
        }
        return nil
    }

    static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
    }
}
