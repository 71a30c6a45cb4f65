import Foundation
import JWTKit
import Testing

@testable import OIDC

@Suite("ID-token verification (OIDC Core 3.1.3.7)")
struct IDTokenVerificationTests {
    let idp = TestIdentityProvider()

    @Test("Each advertised asymmetric algorithm is accepted", arguments: [
        TestIdentityProvider.Signer.rsa(.sha256), .rsa(.sha384), .rsa(.sha512), .pss, .es256, .es384,
    ])
    func acceptsAdvertisedAlgorithms(signer: TestIdentityProvider.Signer) async throws {
        let token = try await idp.sign(idp.claims(), with: signer)
        let claims = try await idp.verifier().verify(token, expectedNonce: "nonce-1")
        #expect(claims.subject == "alice")
        #expect(claims.email == "alice@example.test")
    }

    @Test func anAlgorithmTheIssuerDoesNotAdvertiseIsRefused() async throws {
        let idp = TestIdentityProvider(algorithms: ["RS256"])
        let token = try await idp.sign(idp.claims(), with: .es256)
        await #expect(throws: OIDCError.algorithmNotAdvertised("ES256", advertised: ["RS256"])) {
            try await idp.verifier().verify(token, expectedNonce: "nonce-1")
        }
    }

    @Test func anUnsignedTokenWithAlgNoneIsRefusedEvenIfAdvertised() async throws {
        let idp = TestIdentityProvider(algorithms: ["RS256", "none"])
        let token = try idp.unsignedToken(idp.claims())
        await #expect(throws: OIDCError.algorithmRefused("none")) {
            try await idp.verifier().verify(token, expectedNonce: "nonce-1")
        }
    }

    @Test func anHMACSignedTokenIsRefusedEvenIfAdvertised() async throws {
        let idp = TestIdentityProvider(algorithms: ["RS256", "HS256"])
        let token = try await idp.sign(idp.claims(), with: .hmac)
        await #expect(throws: OIDCError.algorithmRefused("HS256")) {
            try await idp.verifier().verify(token, expectedNonce: "nonce-1")
        }
    }

    @Test func aTokenSignedByAnotherKeyUnderAPublishedKidIsRefused() async throws {
        let token = try await idp.sign(idp.claims(), with: .otherRSA)
        await #expect(throws: OIDCError.invalidSignature) {
            try await idp.verifier().verify(token, expectedNonce: "nonce-1")
        }
    }

    @Test func aTamperedPayloadFailsTheSignatureCheck() async throws {
        let token = try await idp.sign(idp.claims())
        let parts = token.split(separator: ".").map(String.init)
        var forged = idp.claims(subject: "mallory")
        forged.nonce = "nonce-1"
        let tampered = [parts[0], base64url(try JSONEncoder().encode(forged)), parts[2]].joined(separator: ".")
        await #expect(throws: OIDCError.invalidSignature) {
            try await idp.verifier().verify(tampered, expectedNonce: "nonce-1")
        }
    }

    @Test func anIssuerThatDiffersEvenByATrailingSlashIsRefused() async throws {
        var claims = idp.claims()
        claims.issuer = TestIdentityProvider.issuer + "/"
        let token = try await idp.sign(claims)
        await #expect(throws: OIDCError.wrongIssuer(expected: TestIdentityProvider.issuer, actual: TestIdentityProvider.issuer + "/")) {
            try await idp.verifier().verify(token, expectedNonce: "nonce-1")
        }
    }

    @Test func aTokenForAnotherClientIsRefused() async throws {
        var claims = idp.claims()
        claims.audiences = ["someone-else"]
        let token = try await idp.sign(claims)
        await #expect(throws: OIDCError.wrongAudience(clientID: TestIdentityProvider.clientID, audiences: ["someone-else"])) {
            try await idp.verifier().verify(token, expectedNonce: "nonce-1")
        }
    }

    @Test func severalAudiencesRequireAnAuthorizedPartyThatIsUs() async throws {
        var claims = idp.claims()
        claims.audiences = [TestIdentityProvider.clientID, "api"]
        let withoutAZP = try await idp.sign(claims)
        await #expect(throws: OIDCError.wrongAuthorizedParty(clientID: TestIdentityProvider.clientID, azp: nil)) {
            try await idp.verifier().verify(withoutAZP, expectedNonce: "nonce-1")
        }
        claims.authorizedParty = "api"
        let wrongAZP = try await idp.sign(claims)
        await #expect(throws: OIDCError.wrongAuthorizedParty(clientID: TestIdentityProvider.clientID, azp: "api")) {
            try await idp.verifier().verify(wrongAZP, expectedNonce: "nonce-1")
        }
        claims.authorizedParty = TestIdentityProvider.clientID
        let good = try await idp.sign(claims)
        let verified = try await idp.verifier().verify(good, expectedNonce: "nonce-1")
        #expect(verified.audiences.count == 2)
    }

    @Test func anExpiredTokenIsRefusedBeyondTheClockSkewButNotWithinIt() async throws {
        let now = Date()
        var claims = idp.claims(now: now)
        claims.expiresAt = now.addingTimeInterval(-30)
        let withinSkew = try await idp.sign(claims)
        _ = try await idp.verifier().verify(withinSkew, expectedNonce: "nonce-1", now: now)

        claims.expiresAt = now.addingTimeInterval(-90)
        let expired = try await idp.sign(claims)
        await #expect(throws: OIDCError.expired(at: Date(timeIntervalSince1970: claims.expiresAt.timeIntervalSince1970.rounded(.down)))) {
            try await idp.verifier().verify(expired, expectedNonce: "nonce-1", now: now)
        }
    }

    @Test func aTokenIssuedInTheFutureIsRefused() async throws {
        let now = Date()
        var claims = idp.claims(now: now)
        claims.issuedAt = now.addingTimeInterval(600)
        let token = try await idp.sign(claims)
        await #expect {
            try await idp.verifier().verify(token, expectedNonce: "nonce-1", now: now)
        } throws: { error in
            if case OIDCError.issuedInTheFuture = error { return true }
            return false
        }
    }

    @Test func aTokenNotYetValidIsRefused() async throws {
        let now = Date()
        var claims = idp.claims(now: now)
        claims.notBefore = now.addingTimeInterval(600)
        let token = try await idp.sign(claims)
        await #expect {
            try await idp.verifier().verify(token, expectedNonce: "nonce-1", now: now)
        } throws: { error in
            if case OIDCError.notYetValid = error { return true }
            return false
        }
    }

    @Test func aNonceOtherThanTheOneSentIsRefused() async throws {
        let token = try await idp.sign(idp.claims(nonce: "someone-elses-nonce"))
        await #expect(throws: OIDCError.nonceMismatch) {
            try await idp.verifier().verify(token, expectedNonce: "nonce-1")
        }
        let missing = try await idp.sign(idp.claims(nonce: nil))
        await #expect(throws: OIDCError.nonceMismatch) {
            try await idp.verifier().verify(missing, expectedNonce: "nonce-1")
        }
    }

    @Test func garbageIsReportedAsAMalformedTokenNotACrash() async throws {
        for garbage in ["", "a.b", "a.b.c.d", "!!!.???.***", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln"] {
            await #expect {
                try await idp.verifier().verify(garbage, expectedNonce: "nonce-1")
            } throws: { error in
                switch error as? OIDCError {
                case .malformedIDToken, .invalidSignature, .unknownSigningKey: return true
                default: return false
                }
            }
        }
    }

    @Test func errorMessagesNeverContainTheToken() async throws {
        var claims = idp.claims()
        claims.audiences = ["someone-else"]
        let token = try await idp.sign(claims)
        do {
            _ = try await idp.verifier().verify(token, expectedNonce: "nonce-1")
            Issue.record("verification should fail")
        } catch let error as OIDCError {
            let signature = String(token.split(separator: ".")[2])
            #expect(!error.userMessage.contains(signature))
            #expect(!"\(error)".contains(token))
        }
    }
}
