import CryptoExtras
import Foundation
import enum HTTP.JSONValue
import enum HTTP.Base64URL
import JWTKit

/// The sandbox's two RS256 keys, made once per process: a test process runs dozens of
/// sandboxes, and a `qseek demo` or `sandbox serve` process runs one. Like the sandbox itself,
/// they live only in memory and die with the process.
enum SandboxKeys {
    static let identityProvider = SigningKey(kid: "sandbox-idp-1")
    static let identityCenter = SigningKey(kid: "sandbox-idc-1")
}

/// An RS256 key pair, with its public half published as a JWK. Making an RSA key takes tens of
/// milliseconds of CPU (seconds in a debug build), so it is made in the background from the
/// start and awaited by the first token or JWKS request: on one serial queue of its own, so
/// that the keys take at most one core between them. Not on the concurrency pool: with two
/// cores, two key generations there would hold every pool thread; and not a thread per key,
/// which took both cores from `qseek demo`'s first frame.
struct SigningKey: Sendable {
    private static let maker = DispatchQueue(label: "qseek.sandbox.keys")

    let kid: String
    private let material: Task<Material, any Error>

    struct Material: Sendable {
        let keys: JWTKeyCollection
        let jwks: JSONValue
    }

    init(kid: String) {
        self.kid = kid
        material = Task {
            let (privateKey, jwks) = try await withCheckedThrowingContinuation { continuation in
                Self.maker.async {
                    continuation.resume(with: Result { try Self.generate(kid: kid) })
                }
            }
            let keys = JWTKeyCollection()
            await keys.add(rsa: privateKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
            return Material(keys: keys, jwks: jwks)
        }
    }

    /// The published key set: `{"keys": [the public JWK]}`.
    func jwks() async throws -> JSONValue {
        try await material.value.jwks
    }

    private static func generate(kid: String) throws -> (JWTKit.Insecure.RSA.PrivateKey, JSONValue) {
        let backing = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let privateKey = try JWTKit.Insecure.RSA.PrivateKey(backing: backing)
        let (modulus, exponent) = try privateKey.publicKey.getKeyPrimitives()
        let jwk: JSONValue = [
            "kty": "RSA", "use": "sig", "alg": "RS256", "kid": .string(kid),
            "n": .string(Base64URL.encode(modulus)), "e": .string(Base64URL.encode(exponent)),
        ]
        return (privateKey, ["keys": [jwk]])
    }

    func sign(_ claims: [String: JSONValue]) async throws -> String {
        try await material.value.keys.sign(Claims(values: claims), kid: JWKIdentifier(string: kid))
    }
}

/// Any JWT payload, as a JSON object. Checks are done by the caller, claim by claim, so each
/// refusal can say which claim was wrong.
struct Claims: JWTPayload {
    var values: [String: JSONValue]

    init(values: [String: JSONValue]) {
        self.values = values
    }

    init(from decoder: any Decoder) throws {
        guard case .object(let values) = try JSONValue(from: decoder) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "JWT payload is not an object"))
        }
        self.values = values
    }

    func encode(to encoder: any Encoder) throws {
        try JSONValue.object(values).encode(to: encoder)
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

