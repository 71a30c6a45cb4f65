import CryptoExtras
import Foundation
import enum HTTP.JSONValue
import enum HTTP.Base64URL
import JWTKit

/// An RS256 key pair, with its public half published as a JWK. Making an RSA key takes tens of
/// milliseconds (more in a debug build), so it is made in the background from the start and
/// awaited by the first token or JWKS request: `qseek demo` draws its first frame meanwhile.
struct SigningKey: Sendable {
    let kid: String
    private let material: Task<Material, any Error>

    struct Material: Sendable {
        let keys: JWTKeyCollection
        let jwks: JSONValue
    }

    init(kid: String) {
        self.kid = kid
        material = Task { try await Self.generate(kid: kid) }
    }

    /// The published key set: `{"keys": [the public JWK]}`.
    func jwks() async throws -> JSONValue {
        try await material.value.jwks
    }

    private static func generate(kid: String) async throws -> Material {
        let backing = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let privateKey = try Insecure.RSA.PrivateKey(backing: backing)
        let keys = JWTKeyCollection()
        await keys.add(rsa: privateKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
        let (modulus, exponent) = try privateKey.publicKey.getKeyPrimitives()
        let jwk: JSONValue = [
            "kty": "RSA", "use": "sig", "alg": "RS256", "kid": .string(kid),
            "n": .string(Base64URL.encode(modulus)), "e": .string(Base64URL.encode(exponent)),
        ]
        return Material(keys: keys, jwks: ["keys": [jwk]])
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
