import Foundation
import OIDC
import Testing
@testable import Sandbox

/// The OIDC module's discovery, JWKS and ID-token verifier accept what the sandbox IdP issues,
/// and refuse a token whose nonce is not the one sent.
@Suite struct QseekOIDCVerifierTests {
    @Test func theOIDCModuleVerifiesASandboxIDTokenThroughDiscoveryAndJWKS() async throws {
        try await withSandbox { http in
            let token = try await TTIFlow(http: http).idToken(for: "bob@acme.example")
            let transport = AsyncHTTPTransport.shared
            let metadata = try await ProviderDiscovery(issuer: http.sandbox.issuer, transport: transport).metadata()
            #expect(metadata.codeChallengeMethodsSupported == ["S256"])
            let verifier = IDTokenVerifier(issuer: http.sandbox.issuer, clientID: "qseek-demo",
                                           advertisedAlgorithms: metadata.idTokenSigningAlgValuesSupported,
                                           keys: SigningKeySet(jwksURI: metadata.jwksURI, transport: transport))
            let claims = try await verifier.verify(token, expectedNonce: "n-0S6_WzA2Mj")
            #expect(claims.email == "bob@acme.example")
            await #expect(throws: (any Error).self) { _ = try await verifier.verify(token, expectedNonce: "another-nonce") }
        }
    }
}
