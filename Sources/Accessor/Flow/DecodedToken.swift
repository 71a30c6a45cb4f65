import AWS
import Foundation

/// A token decoded like jwt.io does it — header and claims — with every secret part (the
/// signature, the identity context, the token itself) shown only as its length.
public struct DecodedToken: Sendable, Equatable {
    /// What the token is ("ID token (ISV identity provider)").
    public var name: String
    public var header: [StepDetail.Field]
    public var claims: [StepDetail.Field]
    /// The signature, redacted; empty for an opaque token.
    public var signature: String
    /// The whole token, redacted.
    public var whole: String
    /// The size of the `sts:identity_context` claim, when the token carries one.
    public var identityContextSize: Int?

    /// Claims whose values are secrets in themselves.
    static let secretClaims: Set<String> = ["sts:identity_context", "at_hash", "c_hash", "nonce"]
    /// Claims shown first, in this order (as jwt.io users expect); the rest follow sorted.
    static let leadingClaims = ["iss", "aud", "sub", "email", "exp", "iat"]

    /// Decodes `token` when it is a JWT; an opaque token keeps only its redacted length.
    public init(name: String, token: String) {
        self.name = name
        whole = Redacted.describe(token)
        guard let jwt = UnverifiedJWT(token) else {
            self.header = []
            claims = []
            signature = ""
            identityContextSize = nil
            return
        }
        header = Self.fields(jwt.header, order: ["alg", "typ", "kid"])
        claims = Self.fields(jwt.claims, order: Self.leadingClaims)
        signature = Redacted.describe(String(jwt.signature))
        if let context = jwt.string("sts:identity_context") {
            identityContextSize = context.count
        } else {
            identityContextSize = nil
        }
    }

    /// Whether the token could be decoded (a JWT); an opaque one shows only its length.
    public var isDecoded: Bool { !claims.isEmpty || !header.isEmpty }

    private static func fields(_ object: [String: JSONValue], order: [String]) -> [StepDetail.Field] {
        let keys = order.filter { object[$0] != nil } + object.keys.filter { !order.contains($0) }.sorted()
        return keys.map { key in StepDetail.Field(key, describe(object[key] ?? .null, claim: key)) }
    }

    private static func describe(_ value: JSONValue, claim: String) -> String {
        switch value {
        case .string(let text):
            if secretClaims.contains(claim) { return "present, " + Redacted.describe(text) }
            return text.count > 120 ? String(text.prefix(117)) + "…" : text
        case .number(let number):
            let whole = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            if ["exp", "iat", "nbf", "auth_time"].contains(claim) {
                return "\(whole) (\(Date(timeIntervalSince1970: number).formatted(.iso8601)))"
            }
            return whole
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let list): return "[" + list.map { describe($0, claim: claim) }.joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.keys.sorted().map { "\($0): \(describe(members[$0] ?? .null, claim: $0))" }.joined(separator: ", ") + "}"
        }
    }
}
