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
