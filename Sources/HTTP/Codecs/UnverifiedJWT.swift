/// A JSON Web Token's header and claims, read without checking its signature: for a token
/// that was verified where it came in (the ID token `SignInSession` checked, a bearer token
/// `BearerVerifier` checked), one that another party verifies (Identity Center's ID token,
/// which STS checks through its identity context), or one only shown (the flow view).
/// Never use it to decide whether to trust a token.
public struct UnverifiedJWT: Sendable {
    public let header: [String: JSONValue]
    public let claims: [String: JSONValue]
    /// The third part, still encoded (a secret: show only its length).
    public let signature: Substring

    /// Nil unless `token` has three dot-separated parts whose first two are Base64URL JSON objects.
    public init?(_ token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Self.object(parts[0]), let claims = Self.object(parts[1]) else { return nil }
        self.header = header
        self.claims = claims
        signature = parts[2]
    }

    /// A string claim.
    public func string(_ claim: String) -> String? { claims[claim]?.stringValue }

    /// A claim that is a list of strings, or one string (space-separated, as scopes are).
    public func strings(_ claim: String) -> [String] {
        if let list = claims[claim]?.arrayValue { return list.compactMap(\.stringValue) }
        if let text = claims[claim]?.stringValue { return text.split(separator: " ").map(String.init) }
        return []
    }

    private static func object(_ part: Substring) -> [String: JSONValue]? {
        guard let bytes = Base64URL.decode(part), case .object(let members)? = JSONValue.parse(bytes) else { return nil }
        return members
    }
}
