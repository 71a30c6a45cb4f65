import Foundation
import JWTKit

/// The claims of an ID token that qseek checks or shows (OIDC Core §2).
///
/// Decoded by jwt-kit after the signature is verified; the claim rules themselves are applied
/// by ``IDTokenVerifier`` so each failure gets its own ``OIDCError``.
public struct IDTokenClaims: JWTPayload, Equatable {
    public var issuer: String
    public var subject: String
    public var audiences: [String]
    public var authorizedParty: String?
    public var expiresAt: Date
    public var issuedAt: Date
    public var notBefore: Date?
    public var nonce: String?
    public var email: String?
    public var name: String?
    public var preferredUsername: String?

    enum CodingKeys: String, CodingKey {
        case issuer = "iss"
        case subject = "sub"
        case audiences = "aud"
        case authorizedParty = "azp"
        case expiresAt = "exp"
        case issuedAt = "iat"
        case notBefore = "nbf"
        case nonce
        case email
        case name
        case preferredUsername = "preferred_username"
    }

    public init(
        issuer: String, subject: String, audiences: [String], authorizedParty: String? = nil,
        expiresAt: Date, issuedAt: Date, notBefore: Date? = nil, nonce: String? = nil,
        email: String? = nil, name: String? = nil, preferredUsername: String? = nil
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audiences = audiences
        self.authorizedParty = authorizedParty
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.notBefore = notBefore
        self.nonce = nonce
        self.email = email
        self.name = name
        self.preferredUsername = preferredUsername
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        issuer = try c.decode(String.self, forKey: .issuer)
        subject = try c.decode(String.self, forKey: .subject)
        // `aud` is a string or an array of strings (RFC 7519 §4.1.3).
        if let single = try? c.decode(String.self, forKey: .audiences) {
            audiences = [single]
        } else {
            audiences = try c.decode([String].self, forKey: .audiences)
        }
        authorizedParty = try c.decodeIfPresent(String.self, forKey: .authorizedParty)
        // Read as they are; `IDTokenVerifier.check` refuses times no IdP means (``latestTime``).
        expiresAt = Date(timeIntervalSince1970: try c.decode(Double.self, forKey: .expiresAt))
        issuedAt = Date(timeIntervalSince1970: try c.decode(Double.self, forKey: .issuedAt))
        notBefore = try c.decodeIfPresent(Double.self, forKey: .notBefore).map(Date.init(timeIntervalSince1970:))
        nonce = try c.decodeIfPresent(String.self, forKey: .nonce)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        preferredUsername = try c.decodeIfPresent(String.self, forKey: .preferredUsername)
    }

    /// The latest time a claim may name: the end of year 9999. Later values (`exp` of 9.3e18
    /// and beyond) are no time an IdP means, and would overflow the whole seconds the token
    /// cache stores.
    static let latestTime: Double = 253_402_300_799

    /// The first of `exp`, `iat`, `nbf` that is not a time between 1970 and 9999, by name.
    var implausibleTimeClaim: String? {
        let times: [(String, Date?)] = [("exp", expiresAt), ("iat", issuedAt), ("nbf", notBefore)]
        for case let (claim, date?) in times {
            let seconds = date.timeIntervalSince1970
            if !seconds.isFinite || !(0...Self.latestTime).contains(seconds) { return claim }
        }
        return nil
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(subject, forKey: .subject)
        if audiences.count == 1 {
            try c.encode(audiences[0], forKey: .audiences)
        } else {
            try c.encode(audiences, forKey: .audiences)
        }
        try c.encodeIfPresent(authorizedParty, forKey: .authorizedParty)
        try c.encode(Int64(expiresAt.timeIntervalSince1970), forKey: .expiresAt)
        try c.encode(Int64(issuedAt.timeIntervalSince1970), forKey: .issuedAt)
        try c.encodeIfPresent(notBefore.map { Int64($0.timeIntervalSince1970) }, forKey: .notBefore)
        try c.encodeIfPresent(nonce, forKey: .nonce)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(preferredUsername, forKey: .preferredUsername)
    }

    /// Claim rules need the expected issuer, client and nonce, which jwt-kit's hook does not
    /// receive; ``IDTokenVerifier`` applies them right after the signature check.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
