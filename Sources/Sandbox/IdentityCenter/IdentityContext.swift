import Crypto
import Foundation
import enum HTTP.Base64URL

/// The opaque identity context Identity Center puts in `sts:identity_context`, which STS accepts
/// as a provided context. Here it is a payload with an HMAC only this sandbox can make, so STS can
/// tell a genuine, unexpired context from a forged or edited one.
public struct IdentityContext: Sendable {
    public struct Claims: Codable, Sendable, Equatable {
        public var tenant: String
        public var email: String
        public var groups: [String]
        public var application: String
        public var issuedAt: Double
        public var expiresAt: Double
    }

    private let key: SymmetricKey

    init(key: SymmetricKey = SymmetricKey(size: .bits256)) {
        self.key = key
    }

    func seal(_ claims: Claims) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let payload = Base64URL.encode((try? encoder.encode(claims)) ?? Data())
        let tag = HMAC<SHA256>.authenticationCode(for: Data(("idc-context." + payload).utf8), using: key)
        return "\(payload).\(Base64URL.encode(tag))"
    }

    enum OpenError: Error, Equatable { case malformed, forged, expired }

    func open(_ context: String, now: Date = Date()) throws(OpenError) -> Claims {
        let parts = context.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let tag = Base64URL.decode(parts[1]), let payload = Base64URL.decode(parts[0]) else {
            throw .malformed
        }
        guard HMAC<SHA256>.isValidAuthenticationCode(tag, authenticating: Data(("idc-context." + parts[0]).utf8),
                                                    using: key) else { throw .forged }
        guard let claims = try? JSONDecoder().decode(Claims.self, from: Data(payload)) else { throw .malformed }
        guard claims.expiresAt > now.timeIntervalSince1970 else { throw .expired }
        return claims
    }
}
