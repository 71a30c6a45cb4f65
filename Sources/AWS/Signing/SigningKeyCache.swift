import NIOConcurrencyHelpers

/// Derived SigV4 signing keys, keyed by secret, date, region and service.
///
/// Deriving a key costs four HMACs; a client signs many requests a day with the same inputs.
/// The cache is a lock-protected value type reference rather than an actor so that signing
/// stays synchronous (a verifier on a server's hot path must not hop executors). The key is
/// the SHA-256 of the secret, never the secret itself, and the cache holds one day per scope.
public final class SigningKeyCache: Sendable {
    private struct Scope: Hashable {
        let secretDigest: String
        let date: String
        let region: String
        let service: String
    }

    private let storage = NIOLockedValueBox<[Scope: [UInt8]]>([:])
    private let capacity: Int

    public init(capacity: Int = 64) {
        self.capacity = capacity
    }

    /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    public func signingKey(secret: String, date: String, region: String, service: String) -> [UInt8] {
        let scope = Scope(secretDigest: Hashing.sha256Hex(secret), date: date, region: region, service: service)
        if let cached = storage.withLockedValue({ $0[scope] }) { return cached }
        let key = Self.derive(secret: secret, date: date, region: region, service: service)
        storage.withLockedValue { keys in
            if keys.count >= capacity { keys.removeAll(keepingCapacity: true) }
            keys[scope] = key
        }
        return key
    }

    static func derive(secret: String, date: String, region: String, service: String) -> [UInt8] {
        let kDate = Hashing.hmac(key: Array(("AWS4" + secret).utf8), date)
        let kRegion = Hashing.hmac(key: kDate, region)
        let kService = Hashing.hmac(key: kRegion, service)
        return Hashing.hmac(key: kService, "aws4_request")
    }
}
