import Foundation
import JWTKit
import Testing

@testable import OIDC

/// Bytes from a hostile or broken IdP must end in a typed error, never a crash.
@Suite("Malformed input from the IdP")
struct MalformedInputTests {
    /// Deterministic, so a failure reproduces.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    static func mutations(of seed: String, count: Int) -> [String] {
        var generator = SeededGenerator(state: 42)
        let alphabet = Array("{}[]\":,.=-_ abcAZ09\\\u{0}\u{1B}é😀")
        return (0..<count).map { _ in
            var characters = Array(seed)
            for _ in 0..<Int.random(in: 1...6, using: &generator) where !characters.isEmpty {
                let index = Int.random(in: 0..<characters.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: characters.remove(at: index)
                case 1: characters.insert(alphabet.randomElement(using: &generator)!, at: index)
                default: characters[index] = alphabet.randomElement(using: &generator)!
                }
            }
            return String(characters)
        }
    }

    /// The bytes a compact JWS stands for: a mutation of a base64url character's unused low
    /// bits changes the text but not the token.
    static func decodedParts(_ token: String) -> [Data?] {
        token.split(separator: ".", omittingEmptySubsequences: false).map { part in
            var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
            return Data(base64Encoded: base64)
        }
    }

    @Test func mangledIDTokensAreRefusedWithTypedErrors() async throws {
        let idp = TestIdentityProvider()
        let token = try await idp.sign(idp.claims())
        let verifier = try await idp.verifier()
        var refused = 0
        for mangled in Self.mutations(of: token, count: 200) where mangled != token {
            do {
                _ = try await verifier.verify(mangled, expectedNonce: "nonce-1")
                // Only a token that stands for the same bytes may pass.
                #expect(Self.decodedParts(mangled) == Self.decodedParts(token), "a mangled token verified: \(mangled)")
            } catch is OIDCError {
                refused += 1
            }
        }
        #expect(refused >= 150, "most mutations change the signed bytes and must be refused")
    }

    @Test func mangledKeySetsAreRefusedWithTypedErrors() async throws {
        let idp = TestIdentityProvider()
        let jwks = String(decoding: try JSONSerialization.data(withJSONObject: ["keys": [idp.rsaJWK(kid: "rsa-1")]]), as: UTF8.self)
        var refused = 0
        for (index, mangled) in Self.mutations(of: jwks, count: 100).enumerated() {
            let url = "https://idp.example.test/jwks-\(index)"
            idp.transport.route(url) { _ in HTTPResponse(status: 200, body: Data(mangled.utf8)) }
            let keys = SigningKeySet(jwksURI: URL(string: url)!, transport: idp.transport)
            do {
                let key = try await keys.key(kid: "rsa-1", algorithm: "RS256")
                // A key is only found in a document that really lists it, as another JSON reader sees it.
                let listed = (try? JSONSerialization.jsonObject(with: Data(mangled.utf8)) as? [String: Any])?["keys"] as? [[String: Any]]
                #expect(listed?.contains { $0["kid"] as? String == "rsa-1" && $0["kty"] as? String == "RSA" } == true, "\(mangled)")
                #expect(key.kid == "rsa-1" && key.keyType == "RSA")
            } catch is OIDCError {
                refused += 1
            }
        }
        #expect(refused > 0)
    }

    @Test func mangledDiscoveryDocumentsAreRefusedWithTypedErrors() async throws {
        let idp = TestIdentityProvider()
        let document = #"{"issuer":"https://x","authorization_endpoint":"https://x/a","token_endpoint":"https://x/t","jwks_uri":"https://x/k","id_token_signing_alg_values_supported":["RS256"]}"#
        var refused = 0
        for mangled in Self.mutations(of: document, count: 100) {
            idp.transport.route("https://x/.well-known/openid-configuration") { _ in HTTPResponse(status: 200, body: Data(mangled.utf8)) }
            do {
                let metadata = try await ProviderDiscovery(issuer: "https://x", transport: idp.transport).metadata()
                // Accepted only when the document, read by another JSON reader, names this issuer
                // and the endpoints qseek will call.
                let object = try? JSONSerialization.jsonObject(with: Data(mangled.utf8)) as? [String: Any]
                #expect(object?["issuer"] as? String == "https://x", "\(mangled)")
                #expect(object?["token_endpoint"] as? String == metadata.tokenEndpoint.absoluteString, "\(mangled)")
                #expect(metadata.tokenEndpoint.scheme == "https" && metadata.jwksURI.scheme == "https")
            } catch is OIDCError {
                refused += 1
            }
        }
        #expect(refused > 0)
    }

    /// A claim of 1e19 seconds does not fit the whole seconds the token cache stores.
    struct FarFutureClaims: JWTPayload {
        var iss: String
        var sub = "alice"
        var aud = TestIdentityProvider.clientID
        var exp: Double
        var iat: Double
        var nonce = "nonce-1"
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    @Test(arguments: [9.3e18, 1e30, 253_402_300_800])
    func anExpiryBeyondYear9999IsRefusedInWordsNotATrap(exp: Double) async throws {
        let idp = TestIdentityProvider()
        let token = try await idp.sign(FarFutureClaims(iss: idp.issuer, exp: exp, iat: Date().timeIntervalSince1970))
        await #expect {
            try await idp.verifier().verify(token, expectedNonce: "nonce-1")
        } throws: { error in
            guard case OIDCError.malformedIDToken(let why) = error else { return false }
            return why.contains("`exp`") && why.contains("9999")
        }
    }
}
