import Crypto
import Foundation
import enum HTTP.JSONValue
import enum HTTP.Base64URL

/// The opaque `nextToken` of SearchRelevantContent: an offset bound to the query and the identity
/// that asked, with an HMAC, so a token that was edited or replayed for another query or user is
/// refused instead of leaking another result set.
struct PageToken: Sendable {
    private let key: SymmetricKey

    init(key: SymmetricKey = SymmetricKey(size: .bits256)) {
        self.key = key
    }

    /// What a token is bound to: everything that shapes the result list.
    static func binding(tenant: String, email: String, query: String, retriever: String, filter: JSONValue?) -> String {
        let material = [tenant, email.lowercased(), query, retriever, filter.map { String(decoding: $0.serialized(), as: UTF8.self) } ?? ""]
            .joined(separator: "\u{1F}")
        return Base64URL.encode(SHA256.hash(data: Data(material.utf8)).prefix(16))
    }

    func make(offset: Int, binding: String) -> String {
        let payload = "\(offset).\(binding)"
        let tag = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)
        return "\(payload).\(Base64URL.encode(tag))"
    }

    /// The offset, when the token is genuine and belongs to `binding`; nil otherwise.
    func offset(of token: String, binding: String) -> Int? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let offset = Int(parts[0]), offset >= 0, let tag = Base64URL.decode(parts[2]) else { return nil }
        let payload = "\(parts[0]).\(parts[1])"
        guard HMAC<SHA256>.isValidAuthenticationCode(tag, authenticating: Data(payload.utf8), using: key),
              String(parts[1]) == binding else { return nil }
        return offset
    }
}
