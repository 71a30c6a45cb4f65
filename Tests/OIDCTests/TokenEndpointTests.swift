import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import OIDC

@Suite("Token endpoint, client authentication, refresh, revocation")
struct TokenEndpointTests {
    let idp = TestIdentityProvider(extraMetadata: ["revocation_endpoint": "\(TestIdentityProvider.issuer)/revoke"])

    func endpoint(client: ClientAuthentication = .none(clientID: TestIdentityProvider.clientID), now: @escaping @Sendable () -> Date = { Date() }) async throws -> TokenEndpoint {
        TokenEndpoint(metadata: try await idp.metadata(), client: client, verifier: try await idp.verifier(), transport: idp.transport, now: now)
    }

    func answer(idToken: String?, refreshToken: String? = "rt-2") {
        var body: [String: Any] = ["access_token": "at-2", "token_type": "Bearer", "expires_in": 3600]
        if let idToken { body["id_token"] = idToken }
        if let refreshToken { body["refresh_token"] = refreshToken }
        idp.transport.json("\(idp.issuer)/token", body)
    }

    func current(expiringIn seconds: TimeInterval) async throws -> TokenSet {
        var claims = idp.claims(nonce: nil)
        claims.expiresAt = Date().addingTimeInterval(seconds)
        return TokenSet(idToken: try await idp.sign(claims), accessToken: "at-1", refreshToken: "rt-1", accessTokenExpiresAt: nil, claims: claims)
    }

    @Test func aPublicClientSendsOnlyItsClientID() async throws {
        answer(idToken: try await idp.sign(idp.claims(nonce: nil)))
        _ = try await endpoint().refresh(try await current(expiringIn: 60))
        let request = try #require(idp.transport.requests.last { RequestLog.path(of: $0.url).hasSuffix("/token") })
        #expect(request.formFields["client_id"] == TestIdentityProvider.clientID)
        #expect(request.formFields["client_secret"] == nil)
        #expect(request.header("Authorization") == nil)
    }

    @Test func clientSecretBasicIsPreferredAndEncodedPerRFC6749() async throws {
        let client = try ClientAuthentication.choose(clientID: "my client", secret: "s3cr:t", advertised: ["client_secret_post", "client_secret_basic"])
        #expect(client == .secretBasic(clientID: "my client", secret: "s3cr:t"))
        answer(idToken: try await idp.sign(idp.claims(nonce: nil)))
        _ = try await endpoint(client: client).refresh(try await current(expiringIn: 60))
        let request = try #require(idp.transport.requests.last { RequestLog.path(of: $0.url).hasSuffix("/token") })
        #expect(request.header("Authorization") == "Basic " + Data("my%20client:s3cr%3At".utf8).base64EncodedString())
        #expect(request.formFields["client_secret"] == nil)
    }

    @Test func clientSecretPostIsUsedWhenThatIsAllTheIdPAccepts() async throws {
        let client = try ClientAuthentication.choose(clientID: "c", secret: "s", advertised: ["client_secret_post"])
        #expect(client == .secretPost(clientID: "c", secret: "s"))
        #expect(!"\(client)".contains("s)"))
        #expect(throws: OIDCError.clientAuthenticationUnsupported(advertised: ["private_key_jwt"])) {
            try ClientAuthentication.choose(clientID: "c", secret: "s", advertised: ["private_key_jwt"])
        }
        #expect(try ClientAuthentication.choose(clientID: "c", secret: nil, advertised: ["client_secret_basic"]) == .none(clientID: "c"))
    }

    @Test func aRefreshReturnsAVerifiedNewIDToken() async throws {
        answer(idToken: try await idp.sign(idp.claims(nonce: nil)))
        let refreshed = try await endpoint().refresh(try await current(expiringIn: 60))
        #expect(refreshed.refreshToken == "rt-2")
        #expect(refreshed.claims.expiresAt > Date().addingTimeInterval(3000))
        let request = try #require(idp.transport.requests.last { RequestLog.path(of: $0.url).hasSuffix("/token") })
        #expect(request.formFields["grant_type"] == "refresh_token")
        #expect(request.formFields["refresh_token"] == "rt-1")
    }

    @Test func aRefusedRefreshMeansSignInAgain() async throws {
        idp.transport.json("\(idp.issuer)/token", status: 400, ["error": "invalid_grant", "error_description": "Token is not active"])
        await #expect {
            try await endpoint().refresh(try await current(expiringIn: 60))
        } throws: { error in
            guard case OIDCError.signInRequired = error else { return false }
            return (error as! OIDCError).userMessage.contains("qseek login")
        }
    }

    @Test func aRefreshThatNamesAnotherUserIsRefused() async throws {
        answer(idToken: try await idp.sign(idp.claims(subject: "mallory", nonce: nil)))
        await #expect {
            try await endpoint().refresh(try await current(expiringIn: 60))
        } throws: { error in
            if case OIDCError.signInRequired = error { return true }
            return false
        }
    }

    @Test func aForgedIDTokenInARefreshIsRefused() async throws {
        answer(idToken: try await idp.sign(idp.claims(nonce: nil), with: .otherRSA))
        await #expect(throws: OIDCError.invalidSignature) {
            try await endpoint().refresh(try await current(expiringIn: 60))
        }
    }

    @Test func revocationPostsTheTokenWithItsHint() async throws {
        idp.transport.route("\(idp.issuer)/revoke") { _ in HTTPResponse(status: 200, body: Data()) }
        #expect(try await endpoint().revoke("rt-1", hint: "refresh_token"))
        let request = try #require(idp.transport.requests.last)
        #expect(request.url == "\(idp.issuer)/revoke")
        #expect(request.formFields["token"] == "rt-1")
        #expect(request.formFields["token_type_hint"] == "refresh_token")
    }

    @Test func tokenSetsNeverPrintTheirTokens() async throws {
        let tokens = try await current(expiringIn: 600)
        for text in ["\(tokens)", String(reflecting: tokens), { var s = ""; dump(tokens, to: &s); return s }()] {
            #expect(!text.contains(tokens.idToken))
            #expect(!text.contains("rt-1"))
            #expect(!text.contains("at-1"))
            #expect(text.contains("alice"))
        }
    }
}
