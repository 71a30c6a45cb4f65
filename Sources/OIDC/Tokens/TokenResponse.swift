import Foundation

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
        let seconds: Double?
        if let number = try? c.decodeIfPresent(Double.self, forKey: .expiresIn) {
            seconds = number
        } else {
            seconds = (try? c.decodeIfPresent(String.self, forKey: .expiresIn)).flatMap { $0.flatMap(Double.init) }
        }
        expiresIn = seconds.flatMap(Self.lifetime)
    }

    /// The longest lifetime believed: a year. A larger `expires_in` (1e30) is clamped to it,
    /// so date arithmetic and the cache's whole seconds stay in range; a negative or non-finite
    /// one counts as absent (the token is then renewed when the ID token is).
    static let longestLifetime: Double = 365 * 86_400

    static func lifetime(_ seconds: Double) -> Double? {
        guard seconds.isFinite, seconds >= 0 else { return nil }
        return min(seconds, longestLifetime)
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
