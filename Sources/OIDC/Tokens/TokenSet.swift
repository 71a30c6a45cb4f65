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
