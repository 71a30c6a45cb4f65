import Crypto
import _CryptoExtras
import Foundation
import JWTKit
import OIDC

/// A real RS256 ID token and a verifier whose JWKS comes from an in-memory transport.
public enum TokenFixtures {
    public static let issuer = "http://127.0.0.1:41234/idp"
    public static let clientID = "qseek-bench"
    public static let nonce = "n-0S6_WzA2Mj"

    public struct Setup: Sendable {
        public var token: String
        public var verifier: IDTokenVerifier
        public var now: Date
    }

    public static func make() async throws -> Setup {
        let key = try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let keys = JWTKeyCollection()
        await keys.add(rsa: key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: "rsa-1"))
        let now = Date()
        let claims = IDTokenClaims(issuer: issuer, subject: "u-ana", audiences: [clientID], expiresAt: now.addingTimeInterval(3600),
                                   issuedAt: now, nonce: nonce, email: "ana@acme.example", name: "Ana Ruiz")
        let token = try await keys.sign(claims)
        let primitives = try key.publicKey.getKeyPrimitives()
        let jwks = ["keys": [["kty": "RSA", "kid": "rsa-1", "use": "sig", "alg": "RS256",
                              "n": base64url(primitives.modulus), "e": base64url(primitives.publicExponent)]]]
        let body = try JSONSerialization.data(withJSONObject: jwks)
        let set = SigningKeySet(jwksURI: URL(string: "\(issuer)/jwks")!, transport: FixedResponse(body: [UInt8](body)))
        let verifier = IDTokenVerifier(issuer: issuer, clientID: clientID, advertisedAlgorithms: ["RS256"], keys: set)
        return Setup(token: token, verifier: verifier, now: now)
    }

    static func base64url(_ data: Data) -> String {
        Base64URL.encode(data)
    }
}

/// Answers every request with the same JSON body (the JWKS).
struct FixedResponse: HTTPTransport {
    var body: [UInt8]

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        HTTPResponse(statusCode: 200, body: body)
    }
}
