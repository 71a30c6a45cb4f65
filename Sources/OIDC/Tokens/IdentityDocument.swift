import Foundation

/// Who is signed in, as `qseek whoami --json` and the MCP `whoami` tool show it: the ID
/// token's identifying claims, never the token. Every key is always present, `null` when the
/// IdP gave no value, so scripts can rely on the shape.
public struct IdentityDocument: Codable, Sendable, Equatable {
    public var subject: String
    public var email: String?
    public var name: String?
    public var issuer: String
    /// ISO 8601.
    public var expiresAt: String

    public init(subject: String, email: String?, name: String?, issuer: String, expiresAt: Date) {
        self.subject = subject
        self.email = email
        self.name = name
        self.issuer = issuer
        self.expiresAt = expiresAt.formatted(.iso8601)
    }

    /// The same, as `whoami` prints it for a person: one `label: value` line each, absent
    /// claims left out. Values are as the IdP sent them: a terminal caller sanitises them.
    public var lines: [String] {
        var lines = ["subject: \(subject)"]
        if let email { lines.append("email:   \(email)") }
        if let name { lines.append("name:    \(name)") }
        return lines + ["issuer:  \(issuer)", "expires: \(expiresAt)"]
    }

    enum CodingKeys: String, CodingKey { case subject, email, name, issuer, expiresAt }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subject, forKey: .subject)
        try container.encode(email, forKey: .email)
        try container.encode(name, forKey: .name)
        try container.encode(issuer, forKey: .issuer)
        try container.encode(expiresAt, forKey: .expiresAt)
    }
}
