import Crypto
import CryptoExtras
import Foundation
import JWTKit
import OIDC

/// A tiny in-test IdP: real keys, a real JWKS document and real signed tokens, served through
/// a ``ScriptedTransport``.
struct TestIdentityProvider {
    static let issuer = "https://idp.example.test/tenant-a"
    static let clientID = "qseek-client"

    let transport = ScriptedTransport()
    let issuer: String
    let rsaKey: JWTKit.Insecure.RSA.PrivateKey
    let es256Key = ES256PrivateKey()
    let es384Key = ES384PrivateKey()

    /// RSA key generation is slow in debug builds; tests share one key.
    static let sharedRSAKey: JWTKit.Insecure.RSA.PrivateKey = try! JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
    static let otherRSAKey: JWTKit.Insecure.RSA.PrivateKey = try! JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))

    init(issuer: String = Self.issuer, algorithms: [String] = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384"], extraMetadata: [String: Any] = [:]) {
        self.issuer = issuer
        self.rsaKey = Self.sharedRSAKey
        var metadata: [String: Any] = [
            "issuer": issuer,
            "authorization_endpoint": "\(issuer)/authorize",
            "token_endpoint": "\(issuer)/token",
            "jwks_uri": "\(issuer)/jwks",
            "id_token_signing_alg_values_supported": algorithms,
            "code_challenge_methods_supported": ["S256"],
        ]
        metadata.merge(extraMetadata) { $1 }
        transport.json("\(issuer)/.well-known/openid-configuration", metadata)
        publishKeys([rsaJWK(kid: "rsa-1"), ecJWK(kid: "ec-256", key: es256Key.publicKey, curve: "P-256"), ecJWK(kid: "ec-384", key: es384Key.publicKey, curve: "P-384")])
    }

    func publishKeys(_ keys: [[String: Any]]) {
        transport.json("\(issuer)/jwks", ["keys": keys])
    }

    func rsaJWK(kid: String, key: JWTKit.Insecure.RSA.PrivateKey? = nil) -> [String: Any] {
        let primitives = try! (key ?? rsaKey).publicKey.getKeyPrimitives()
        return ["kty": "RSA", "kid": kid, "use": "sig", "n": base64url(primitives.modulus), "e": base64url(primitives.publicExponent)]
    }

    func ecJWK<Curve>(kid: String, key: ECDSA.PublicKey<Curve>, curve: String) -> [String: Any] {
        let parameters = key.parameters!
        return ["kty": "EC", "kid": kid, "use": "sig", "crv": curve, "x": parameters.x, "y": parameters.y]
    }

    func metadata() async throws -> ProviderMetadata {
        try await ProviderDiscovery(issuer: issuer, transport: transport).metadata()
    }

    func verifier(now: @escaping @Sendable () -> Date = { Date() }) async throws -> IDTokenVerifier {
        let metadata = try await metadata()
        return IDTokenVerifier(
            issuer: issuer,
            clientID: Self.clientID,
            advertisedAlgorithms: metadata.idTokenSigningAlgValuesSupported,
            keys: SigningKeySet(jwksURI: metadata.jwksURI, transport: transport, now: now)
        )
    }

    /// Claims that pass every rule; tests change one thing.
    func claims(subject: String = "alice", nonce: String? = "nonce-1", now: Date = Date()) -> IDTokenClaims {
        IDTokenClaims(
            issuer: issuer, subject: subject, audiences: [Self.clientID],
            expiresAt: now.addingTimeInterval(3600), issuedAt: now, nonce: nonce,
            email: "\(subject)@example.test", name: subject.capitalized
        )
    }

    enum Signer {
        case rsa(DigestAlgorithm), pss, es256, es384, hmac, otherRSA
    }

    func sign(_ claims: some JWTPayload, with signer: Signer = .rsa(.sha256), kid: String? = nil) async throws -> String {
        let keys = JWTKeyCollection()
        switch signer {
        case .rsa(let digest):
            await keys.add(rsa: rsaKey, digestAlgorithm: digest, kid: JWKIdentifier(string: kid ?? "rsa-1"))
        case .pss:
            await keys.add(pss: rsaKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid ?? "rsa-1"))
        case .es256:
            await keys.add(ecdsa: es256Key, kid: JWKIdentifier(string: kid ?? "ec-256"))
        case .es384:
            await keys.add(ecdsa: es384Key, kid: JWKIdentifier(string: kid ?? "ec-384"))
        case .hmac:
            await keys.add(hmac: HMACKey(from: "a-shared-secret-of-at-least-32-bytes!"), digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid ?? "rsa-1"))
        case .otherRSA:
            await keys.add(rsa: Self.otherRSAKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid ?? "rsa-1"))
        }
        return try await keys.sign(claims)
    }

    /// A token with `alg: none` and an empty signature, built by hand as an attacker would.
    func unsignedToken(_ claims: IDTokenClaims) throws -> String {
        let header = base64url(Data(#"{"alg":"none","typ":"JWT"}"#.utf8))
        return "\(header).\(base64url(try JSONEncoder().encode(claims)))."
    }
}

func base64url(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
}

/// A clock tests can move.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date = Date()) { current = start }
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
    var function: @Sendable () -> Date { { [self] in self.now } }
}
