import Foundation
import Testing

@testable import OIDC

@Suite("Discovery and signing keys")
struct DiscoveryTests {
    @Test func theDiscoveryDocumentIsFetchedOnceAndCached() async throws {
        let idp = TestIdentityProvider()
        let discovery = ProviderDiscovery(issuer: idp.issuer, transport: idp.transport)
        let first = try await discovery.metadata()
        let second = try await discovery.metadata()
        #expect(first == second)
        #expect(first.tokenEndpoint.absoluteString == "\(idp.issuer)/token")
        #expect(idp.transport.count("\(idp.issuer)/.well-known/openid-configuration") == 1)
    }

    @Test func aDocumentNamingAnotherIssuerIsRefusedWithTheFixInTheMessage() async throws {
        let idp = TestIdentityProvider()
        idp.transport.json("https://impostor.example.test/.well-known/openid-configuration", [
            "issuer": idp.issuer,
            "authorization_endpoint": "https://impostor.example.test/authorize",
            "token_endpoint": "https://impostor.example.test/token",
            "jwks_uri": "https://impostor.example.test/jwks",
            "id_token_signing_alg_values_supported": ["RS256"],
        ])
        let discovery = ProviderDiscovery(issuer: "https://impostor.example.test", transport: idp.transport)
        do {
            _ = try await discovery.metadata()
            Issue.record("discovery should fail")
        } catch let error as OIDCError {
            #expect(error == .issuerMismatch(configured: "https://impostor.example.test", advertised: idp.issuer))
            #expect(error.userMessage.contains("fix [identity].issuer"))
        }
    }

    @Test func aTrailingSlashOnTheIssuerStillFindsTheDocumentButMustMatchExactly() async throws {
        let idp = TestIdentityProvider()
        let discovery = ProviderDiscovery(issuer: idp.issuer + "/", transport: idp.transport)
        await #expect(throws: OIDCError.issuerMismatch(configured: idp.issuer + "/", advertised: idp.issuer)) {
            try await discovery.metadata()
        }
    }

    @Test func anUnreachableOrBrokenDocumentIsATypedError() async throws {
        let idp = TestIdentityProvider()
        idp.transport.route("\(idp.issuer)/.well-known/openid-configuration") { _ in HTTPResponse(status: 200, body: Data("<html>".utf8)) }
        await #expect {
            try await ProviderDiscovery(issuer: idp.issuer, transport: idp.transport).metadata()
        } throws: { error in
            if case OIDCError.discoveryFailed = error { return true }
            return false
        }
    }

    @Test func anUnknownKidTriggersOneRefetchThatFindsARotatedKey() async throws {
        let idp = TestIdentityProvider()
        let clock = TestClock()
        let keys = SigningKeySet(jwksURI: URL(string: "\(idp.issuer)/jwks")!, transport: idp.transport, now: clock.function)
        _ = try await keys.key(kid: "rsa-1", algorithm: "RS256")
        #expect(idp.transport.count("\(idp.issuer)/jwks") == 1)

        // The IdP rotates right after qseek's first fetch: the new kid still gets its refetch.
        idp.publishKeys([idp.rsaJWK(kid: "rsa-2")])
        clock.advance(1)
        let rotated = try await keys.key(kid: "rsa-2", algorithm: "RS256")
        #expect(rotated.kid == "rsa-2")
        #expect(idp.transport.count("\(idp.issuer)/jwks") == 2)
    }

    @Test func repeatedUnknownKidsDoNotRefetchMoreThanOncePerMinute() async throws {
        let idp = TestIdentityProvider()
        let clock = TestClock()
        let keys = SigningKeySet(jwksURI: URL(string: "\(idp.issuer)/jwks")!, transport: idp.transport, now: clock.function)
        _ = try await keys.key(kid: "rsa-1", algorithm: "RS256")
        for attempt in 0..<5 {
            await #expect(throws: OIDCError.unknownSigningKey(kid: "made-up-\(attempt)")) {
                try await keys.key(kid: "made-up-\(attempt)", algorithm: "RS256")
            }
            clock.advance(10)
        }
        // The first unknown kid refetched once; the four after it, within 60 s, did not.
        #expect(idp.transport.count("\(idp.issuer)/jwks") == 2)
        clock.advance(20)
        await #expect(throws: OIDCError.unknownSigningKey(kid: "still-unknown")) {
            try await keys.key(kid: "still-unknown", algorithm: "RS256")
        }
        #expect(idp.transport.count("\(idp.issuer)/jwks") == 3)
    }

    @Test func aKeyIsOnlyUsedForItsOwnKeyTypeAndCurve() async throws {
        let idp = TestIdentityProvider()
        let keys = SigningKeySet(jwksURI: URL(string: "\(idp.issuer)/jwks")!, transport: idp.transport)
        await #expect(throws: OIDCError.unknownSigningKey(kid: "rsa-1")) {
            try await keys.key(kid: "rsa-1", algorithm: "ES256")
        }
        await #expect(throws: OIDCError.unknownSigningKey(kid: "ec-256")) {
            try await keys.key(kid: "ec-256", algorithm: "ES384")
        }
    }

    @Test func keysOfOtherTypesOrUsesBesideTheSigningKeysAreSkipped() async throws {
        let idp = TestIdentityProvider()
        idp.publishKeys([
            ["kty": "oct", "kid": "sym", "k": "c2VjcmV0"],
            ["kty": "RSA", "kid": "enc", "use": "enc", "n": "AQAB", "e": "AQAB"],
            idp.rsaJWK(kid: "rsa-1"),
        ])
        let keys = SigningKeySet(jwksURI: URL(string: "\(idp.issuer)/jwks")!, transport: idp.transport)
        #expect(try await keys.key(kid: "rsa-1", algorithm: "RS256").kid == "rsa-1")
        await #expect(throws: OIDCError.unknownSigningKey(kid: "enc")) {
            try await keys.key(kid: "enc", algorithm: "RS256")
        }
    }
}
