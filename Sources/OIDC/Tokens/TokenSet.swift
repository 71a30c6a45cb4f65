import Foundation

/// What a successful sign-in or refresh leaves us with.
///
/// Holds secrets, so its `description` (and therefore string interpolation, `print`, logging
/// and crash dumps of it) shows only who and until when, never a token.
public struct TokenSet: Sendable, Codable, Equatable {
    public var idToken: String
    public var accessToken: String?
    public var refreshToken: String?
    public var accessTokenExpiresAt: Date?
    /// The verified claims of `idToken`, kept so `whoami` needs neither network nor parsing.
    public var claims: IDTokenClaims

    public init(idToken: String, accessToken: String?, refreshToken: String?, accessTokenExpiresAt: Date?, claims: IDTokenClaims) {
        self.idToken = idToken
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.accessTokenExpiresAt = accessTokenExpiresAt
        self.claims = claims
    }

    /// Whether the ID token is expired or will be within `margin` (default 5 minutes): the
    /// TTI exchange downstream needs time to use it.
    public func idTokenExpires(within margin: TimeInterval = 300, now: Date = Date()) -> Bool {
        claims.expiresAt <= now.addingTimeInterval(margin)
    }
}

extension TokenSet: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "TokenSet(subject: \(claims.subject), issuer: \(claims.issuer), expires: \(claims.expiresAt), tokens: <redacted>)"
    }

    public var debugDescription: String { description }

    /// `dump()` and debuggers walk children through reflection; give them nothing secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["subject": claims.subject, "issuer": claims.issuer, "expiresAt": claims.expiresAt], displayStyle: .struct)
    }
}

/// The raw token endpoint answer (RFC 6749 §5.1), before the ID token is verified.
struct TokenResponse: Sendable, Decodable {
    var accessToken: String?
    var tokenType: String?
    var idToken: String?
    var refreshToken: String?
    var expiresIn: Double?

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case idToken = "id_token"
        case refreshToken = "refresh_token"
        case expiresIn = "expires_in"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try c.decodeIfPresent(String.self, forKey: .accessToken)
        tokenType = try c.decodeIfPresent(String.self, forKey: .tokenType)
        idToken = try c.decodeIfPresent(String.self, forKey: .idToken)
        refreshToken = try c.decodeIfPresent(String.self, forKey: .refreshToken)
        // RFC 6749 says a number; some IdPs (Azure AD v1) send a string.
        if let seconds = try? c.decodeIfPresent(Double.self, forKey: .expiresIn) {
            expiresIn = seconds
        } else {
            expiresIn = (try? c.decodeIfPresent(String.self, forKey: .expiresIn)).flatMap { $0.flatMap(Double.init) }
        }
    }
}

extension TokenResponse: CustomStringConvertible, CustomReflectable {
    var description: String { "TokenResponse(<redacted>)" }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// An OAuth error body (RFC 6749 §5.2).
struct OAuthErrorBody: Decodable {
    var error: String
    var errorDescription: String?

    enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
    }
}
