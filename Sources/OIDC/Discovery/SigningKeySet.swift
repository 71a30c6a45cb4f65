import Foundation
import JWTKit

/// The issuer's published signing keys (its JWKS), fetched on first use and kept in memory.
///
/// IdPs rotate keys: a token signed with a new key names a `kid` we have not seen. That triggers
/// one refetch at once, even right after the first fetch (OpenID's RP test
/// `rp-key-rotation-op-sign-key`), but such refetches come no more than once per
/// `minimumRefetchInterval`, so a stream of tokens with made-up `kid`s cannot turn qseek into a
/// request amplifier against the IdP.
public actor SigningKeySet {
    /// One usable public key from the set. `alg` is the key's own restriction, when it has one.
    public struct Key: Sendable {
        public var kid: String?
        public var keyType: String
        public var alg: String?
        public var curve: String?
        public var jwk: JWK
    }

    private let jwksURI: URL
    private let transport: any HTTPTransport
    private let now: @Sendable () -> Date
    private let minimumRefetchInterval: TimeInterval
    private var keys: [Key] = []
    private var lastFetch: Date?
    private var lastUnknownKidRefetch: Date?

    public init(
        jwksURI: URL,
        transport: any HTTPTransport,
        minimumRefetchInterval: TimeInterval = 60,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.jwksURI = jwksURI
        self.transport = transport
        self.minimumRefetchInterval = minimumRefetchInterval
        self.now = now
    }

    /// The key a token header points at. Refetches the set once when `kid` is unknown, unless
    /// an unknown `kid` already caused a refetch within `minimumRefetchInterval`.
    public func key(kid: String?, algorithm: String) async throws -> Key {
        if lastFetch == nil {
            try await refresh()
        }
        if let key = match(kid: kid, algorithm: algorithm) { return key }
        if lastUnknownKidRefetch.map({ now().timeIntervalSince($0) >= minimumRefetchInterval }) ?? true {
            lastUnknownKidRefetch = now()
            try await refresh()
            if let key = match(kid: kid, algorithm: algorithm) { return key }
        }
        throw OIDCError.unknownSigningKey(kid: kid)
    }

    private func match(kid: String?, algorithm: String) -> Key? {
        guard let signing = SigningAlgorithm(rawValue: algorithm) else { return nil }
        let candidates = keys.filter { key in
            key.keyType == signing.keyType && (key.alg == nil || key.alg == algorithm)
                && (signing.curve == nil || key.curve == signing.curve)
        }
        if let kid {
            return candidates.first { $0.kid == kid }
        }
        // No `kid` in the header is only unambiguous when the set offers one suitable key.
        return candidates.count == 1 ? candidates[0] : nil
    }

    private func refresh() async throws {
        let response = try await transport.exchange(.json(jwksURI))
        lastFetch = now()
        guard response.statusCode == 200 else {
            throw OIDCError.keySetUnavailable(url: jwksURI.absoluteString, reason: "HTTP \(response.statusCode)")
        }
        guard let entries = JSONValue.parse(response.body)?["keys"]?.arrayValue else {
            throw OIDCError.keySetUnavailable(url: jwksURI.absoluteString, reason: "the response is not a JSON Web Key Set")
        }
        // Keys are read one by one: an IdP may publish key types qseek does not use (encryption
        // keys, OKP, symmetric), and one such entry must not hide the signing keys beside it.
        keys = entries.compactMap { entry in
            if let use = entry["use"]?.stringValue, use != "sig" { return nil }
            guard let keyType = entry["kty"]?.stringValue, keyType == "RSA" || keyType == "EC",
                let jwk = try? JSONDecoder().decode(JWK.self, from: Data(entry.serialized()))
            else { return nil }
            return Key(kid: entry["kid"]?.stringValue, keyType: keyType, alg: entry["alg"]?.stringValue, curve: entry["crv"]?.stringValue,
                       jwk: jwk)
        }
    }
}
