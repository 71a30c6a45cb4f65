import Crypto
import Foundation
import NIOConcurrencyHelpers

/// Derived SigV4 signing keys, keyed by secret, date, region and service.
///
/// Deriving a key costs four HMACs; a client signs many requests a day with the same inputs.
/// The cache is a lock-protected value type reference rather than an actor so that signing
/// stays synchronous (a verifier on a server's hot path must not hop executors). The key is
/// the SHA-256 of the secret, never the secret itself, and the cache holds one day per scope.
/// The scope used last is recognised without hashing the secret with SHA-256 on every
/// signature (a tenth of the signing cost): by a 128-bit fingerprint from the process's
/// randomly seeded `Hasher`, which cannot be reversed offline either.
public final class SigningKeyCache: Sendable {
    private struct Scope: Hashable {
        let secretDigest: SHA256.Digest
        let date: String
        let region: String
        let service: String
    }

    /// A derived key and the HMAC-SHA256 of it half done: the inner and outer hashes with the
    /// key block already absorbed (RFC 2104), so those two blocks are hashed once per day, not
    /// once per signature. Plain `SHA256` states rather than `HMAC<SHA256>`, whose generic
    /// `update(data:)` costs more than the hashing at this size (profile, Benchmarks/README.md).
    struct Entry: Sendable {
        let key: [UInt8]
        let inner: SHA256
        let outer: SHA256

        init(key: [UInt8]) {
            self.key = key
            var block = [UInt8](repeating: 0, count: SHA256.blockByteCount)
            block.replaceSubrange(0..<key.count, with: key)
            var inner = SHA256(), outer = SHA256()
            inner.update(data: block.map { $0 ^ 0x36 })
            outer.update(data: block.map { $0 ^ 0x5C })
            self.inner = inner
            self.outer = outer
        }

        /// `HMAC-SHA256(key, message)` as lowercase hex.
        func signatureHex(of message: String) -> String {
            message.withUTF8Buffer { signatureHex(of: UnsafeRawBufferPointer($0)) }
        }

        func signatureHex(of message: UnsafeRawBufferPointer) -> String {
            var inner = inner, outer = outer
            inner.update(bufferPointer: message)
            inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
            return Hashing.hex(outer.finalize())
        }
    }

    private struct Storage {
        var entries: [Scope: Entry] = [:]
        /// The entry used last: one client signs with one scope all day, and comparing it is
        /// cheaper than hashing four fields into the dictionary.
        var last: (fingerprint: Fingerprint, date: String, region: String, service: String, entry: Entry)?
        /// The signing time formatted last, by whole second: a busy client signs many
        /// requests within one.
        var lastTime: (second: Int64, time: SigningTime)?
    }

    private let storage = NIOLockedValueBox(Storage())
    private let capacity: Int

    public init(capacity: Int = 64) {
        self.capacity = capacity
    }

    /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    public func signingKey(secret: String, date: String, region: String, service: String) -> [UInt8] {
        entry(secret: secret, date: date, region: region, service: service).key
    }

    func entry(secret: String, date: String, region: String, service: String) -> Entry {
        let fingerprint = Fingerprint(secret)
        if let cached = storage.withLockedValue({ storage -> Entry? in
            guard let last = storage.last, last.fingerprint == fingerprint, last.date == date, last.region == region,
                  last.service == service else { return nil }
            return last.entry
        }) {
            return cached
        }
        let digest = secret.withUTF8Buffer { Hashing.sha256(UnsafeRawBufferPointer($0)) }
        let scope = Scope(secretDigest: digest, date: date, region: region, service: service)
        if let cached = storage.withLockedValue({ storage -> Entry? in
            guard let entry = storage.entries[scope] else { return nil }
            storage.last = (fingerprint, date, region, service, entry)
            return entry
        }) {
            return cached
        }
        let key = Self.derive(secret: secret, date: date, region: region, service: service)
        let entry = Entry(key: key)
        storage.withLockedValue { storage in
            if storage.entries.count >= capacity { storage.entries.removeAll(keepingCapacity: true) }
            storage.entries[scope] = entry
            storage.last = (fingerprint, date, region, service, entry)
        }
        return entry
    }

    /// Two `Hasher` values of the secret, told apart by a leading word: 128 bits, seeded per
    /// process, so two secrets in one process never share one in practice.
    private struct Fingerprint: Equatable {
        let first: Int
        let second: Int

        init(_ secret: String) {
            (first, second) = secret.withUTF8Buffer { bytes in
                var first = Hasher(), second = Hasher()
                first.combine(0)
                second.combine(1)
                first.combine(bytes: UnsafeRawBufferPointer(bytes))
                second.combine(bytes: UnsafeRawBufferPointer(bytes))
                return (first.finalize(), second.finalize())
            }
        }
    }

    /// `SigningTime(date)`, formatted once per second.
    func signingTime(_ date: Date) -> SigningTime {
        let second = Int64(date.timeIntervalSince1970.rounded(.down))
        if let last = storage.withLockedValue({ $0.lastTime }), last.second == second { return last.time }
        let time = SigningTime(date)
        storage.withLockedValue { $0.lastTime = (second, time) }
        return time
    }

    static func derive(secret: String, date: String, region: String, service: String) -> [UInt8] {
        let kDate = Hashing.hmac(key: Array(("AWS4" + secret).utf8), date)
        let kRegion = Hashing.hmac(key: kDate, region)
        let kService = Hashing.hmac(key: kRegion, service)
        return Hashing.hmac(key: kService, "aws4_request")
    }
}
