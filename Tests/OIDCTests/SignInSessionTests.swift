import Foundation
import Testing

@testable import OIDC

@Suite("Sign-in session: silent refresh and sign-out")
struct SignInSessionTests {
    let idp = TestIdentityProvider(extraMetadata: ["revocation_endpoint": "\(TestIdentityProvider.issuer)/revoke"])
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-session-\(UUID().uuidString)")

    func session() -> SignInSession {
        SignInSession(
            configuration: IdentityConfiguration(issuer: idp.issuer, clientID: TestIdentityProvider.clientID),
            transport: idp.transport,
            cache: TokenCache(directory: directory)
        )
    }

    func seedCache(expiringIn seconds: TimeInterval) async throws {
        var claims = idp.claims(nonce: nil)
        claims.expiresAt = Date().addingTimeInterval(seconds)
        let tokens = TokenSet(idToken: try await idp.sign(claims), accessToken: "at-1", refreshToken: "rt-1", accessTokenExpiresAt: nil, claims: claims)
        let configuration = IdentityConfiguration(issuer: idp.issuer, clientID: TestIdentityProvider.clientID)
        try TokenCache(directory: directory).store(tokens, key: configuration.cacheKey)
    }

    @Test func aTokenValidForLongerThanFiveMinutesIsUsedAsIs() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try await seedCache(expiringIn: 3600)
        let tokens = try await session().validTokens()
        #expect(tokens.refreshToken == "rt-1")
        #expect(idp.transport.count("\(idp.issuer)/token") == 0)
    }

    @Test func aTokenExpiringWithinFiveMinutesIsRefreshedSilentlyAndCached() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try await seedCache(expiringIn: 240)
        let fresh = try await idp.sign(idp.claims(nonce: nil))
        idp.transport.json("\(idp.issuer)/token", ["access_token": "at-2", "token_type": "Bearer", "id_token": fresh, "refresh_token": "rt-2"])
        let session = session()
        let tokens = try await session.validTokens()
        #expect(tokens.idToken == fresh)
        #expect(await session.cachedSignIn()?.refreshToken == "rt-2")
    }

    @Test func aFailedRefreshAsksTheUserToSignInAgain() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try await seedCache(expiringIn: 10)
        idp.transport.json("\(idp.issuer)/token", status: 400, ["error": "invalid_grant"])
        await #expect {
            try await session().validTokens()
        } throws: { error in
            if case OIDCError.signInRequired = error { return true }
            return false
        }
    }

    @Test func withNothingCachedTheUserMustSignIn() async throws {
        await #expect {
            try await session().validTokens()
        } throws: { error in
            if case OIDCError.signInRequired = error { return true }
            return false
        }
    }

    @Test func signingOutRevokesAndForgets() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try await seedCache(expiringIn: 3600)
        idp.transport.route("\(idp.issuer)/revoke") { _ in HTTPResponse(status: 200, body: Data()) }
        let session = session()
        #expect(try await session.signOut())
        #expect(await session.cachedSignIn() == nil)
        let revoked = idp.transport.requests.filter { $0.url.hasSuffix("/revoke") }.map { $0.formFields["token"] }
        #expect(revoked == ["rt-1", "at-1"])
    }

    @Test func signingOutForgetsEvenWhenRevocationFails() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try await seedCache(expiringIn: 3600)
        idp.transport.route("\(idp.issuer)/revoke") { _ in throw OIDCError.network(host: "idp.example.test", reason: "down") }
        let session = session()
        #expect(try await session.signOut() == false)
        #expect(await session.cachedSignIn() == nil)
    }
}

@Suite("Sign-in session: concurrent refresh")
struct ConcurrentRefreshTests {
    @Test func aRefreshLostToAnotherProcessUsesThatProcesssResult() async throws {
        let idp = TestIdentityProvider()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-race-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = IdentityConfiguration(issuer: idp.issuer, clientID: TestIdentityProvider.clientID)
        let cache = TokenCache(directory: directory)

        var old = idp.claims(nonce: nil)
        old.expiresAt = Date().addingTimeInterval(60)
        try cache.store(TokenSet(idToken: try await idp.sign(old), accessToken: nil, refreshToken: "rt-old", accessTokenExpiresAt: nil, claims: old), key: configuration.cacheKey)

        // The other process wins: it stores fresh tokens, and the IdP then refuses our
        // (already rotated) refresh token.
        let fresh = idp.claims(nonce: nil)
        let winner = TokenSet(idToken: try await idp.sign(fresh), accessToken: nil, refreshToken: "rt-new", accessTokenExpiresAt: nil, claims: fresh)
        idp.transport.route("\(idp.issuer)/token") { _ in
            try cache.store(winner, key: configuration.cacheKey)
            return HTTPResponse(status: 400, body: Data(#"{"error":"invalid_grant"}"#.utf8))
        }
        let session = SignInSession(configuration: configuration, transport: idp.transport, cache: cache)
        #expect(try await session.validTokens().refreshToken == "rt-new")
    }
}

@Suite("Sign-in session: IdP outages")
struct RefreshOutageTests {
    @Test func aServerErrorDuringRefreshIsNotReportedAsSignInRequired() async throws {
        let idp = TestIdentityProvider()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-outage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = IdentityConfiguration(issuer: idp.issuer, clientID: TestIdentityProvider.clientID)
        var claims = idp.claims(nonce: nil)
        claims.expiresAt = Date().addingTimeInterval(60)
        try TokenCache(directory: directory).store(
            TokenSet(idToken: try await idp.sign(claims), accessToken: nil, refreshToken: "rt", accessTokenExpiresAt: nil, claims: claims),
            key: configuration.cacheKey)
        idp.transport.route("\(idp.issuer)/token") { _ in HTTPResponse(status: 503, body: Data("busy".utf8)) }
        let session = SignInSession(configuration: configuration, transport: idp.transport, cache: TokenCache(directory: directory))
        await #expect(throws: OIDCError.unexpectedResponse(endpoint: "\(idp.issuer)/token", status: 503)) {
            try await session.validTokens()
        }
    }
}
