import Foundation
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

    @Test func mangledIDTokensAreRefusedWithTypedErrors() async throws {
        let idp = TestIdentityProvider()
        let token = try await idp.sign(idp.claims())
        let verifier = try await idp.verifier()
        for mangled in Self.mutations(of: token, count: 200) where mangled != token {
            do {
                _ = try await verifier.verify(mangled, expectedNonce: "nonce-1")
            } catch is OIDCError {
                continue
            }
        }
    }

    @Test func mangledKeySetsAreRefusedWithTypedErrors() async throws {
        let idp = TestIdentityProvider()
        let jwks = String(decoding: try JSONSerialization.data(withJSONObject: ["keys": [idp.rsaJWK(kid: "rsa-1")]]), as: UTF8.self)
        for (index, mangled) in Self.mutations(of: jwks, count: 100).enumerated() {
            let url = "https://idp.example.test/jwks-\(index)"
            idp.transport.route(url) { _ in HTTPResponse(status: 200, body: Data(mangled.utf8)) }
            let keys = SigningKeySet(jwksURI: URL(string: url)!, transport: idp.transport)
            do {
                _ = try await keys.key(kid: "rsa-1", algorithm: "RS256")
            } catch is OIDCError {
                continue
            }
        }
    }

    @Test func mangledDiscoveryDocumentsAreRefusedWithTypedErrors() async throws {
        let idp = TestIdentityProvider()
        let document = #"{"issuer":"https://x","authorization_endpoint":"https://x/a","token_endpoint":"https://x/t","jwks_uri":"https://x/k","id_token_signing_alg_values_supported":["RS256"]}"#
        for mangled in Self.mutations(of: document, count: 100) {
            idp.transport.route("https://x/.well-known/openid-configuration") { _ in HTTPResponse(status: 200, body: Data(mangled.utf8)) }
            do {
                _ = try await ProviderDiscovery(issuer: "https://x", transport: idp.transport).metadata()
            } catch is OIDCError {
                continue
            }
        }
    }
}
