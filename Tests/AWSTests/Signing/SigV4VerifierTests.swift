import Foundation
import Testing
@testable import AWS

struct SigV4VerifierTests {
    static let credentials = Credentials(accessKeyID: "AKIDVERIFY", secretAccessKey: "verify-secret", sessionToken: "session")
    static let time = Date(timeIntervalSince1970: 1_764_236_160)

    static func signed(host: String = "127.0.0.1:4566") -> SignableRequest {
        let request = SignableRequest(method: "POST", path: "/applications/app/relevant-content", query: "b=2&a=1",
                                      headers: [("Host", host), ("Content-Type", "application/json")], body: Array("{}".utf8))
        return SigV4Signer(region: "us-east-1", service: "qbusiness").sign(request, credentials: credentials, at: time).request
    }

    @Test func aRequestSignedByTheSignerVerifiesWithTheSameSecret() throws {
        let authorization = try SigV4Verifier().verify(Self.signed()) { $0 == "AKIDVERIFY" ? "verify-secret" : nil }
        #expect(authorization.scope == CredentialScope(date: "20251127", region: "us-east-1", service: "qbusiness"))
        #expect(authorization.signedHeaders.contains("host"))
        #expect(authorization.signedHeaders.contains("x-amz-security-token"))
    }

    @Test func aWrongSecretATamperedBodyOrAnotherPortFailVerification() {
        #expect(throws: SigV4Verifier.Failure.signatureDoesNotMatch) {
            try SigV4Verifier().verify(Self.signed()) { _ in "other-secret" }
        }
        var tampered = Self.signed()
        tampered.payloadHash = Hashing.sha256Hex(Array("{\"x\":1}".utf8))
        #expect(throws: SigV4Verifier.Failure.signatureDoesNotMatch) {
            try SigV4Verifier().verify(tampered) { _ in "verify-secret" }
        }
        var otherPort = Self.signed()
        otherPort.headers = otherPort.headers.map { $0.name == "Host" ? ("Host", "127.0.0.1:4567") : $0 }
        #expect(throws: SigV4Verifier.Failure.signatureDoesNotMatch) {
            try SigV4Verifier().verify(otherPort) { _ in "verify-secret" }
        }
    }

    @Test func aRequestSignedLongBeforeTheVerifiersClockIsRefusedAsSkewed() throws {
        let secret: (String) -> String? = { _ in "verify-secret" }
        _ = try SigV4Verifier().verify(Self.signed(), now: Self.time.addingTimeInterval(14 * 60), secretFor: secret)
        #expect(throws: SigV4Verifier.Failure.requestTimeTooSkewed) {
            try SigV4Verifier().verify(Self.signed(), now: Self.time.addingTimeInterval(16 * 60), secretFor: secret)
        }
    }

    @Test func aRequestWithoutAuthorizationIsRefusedAsSuch() {
        let request = SignableRequest(method: "GET", path: "/", headers: [("Host", "x")], body: [])
        #expect(throws: SigV4Verifier.Failure.missingAuthorization) { try SigV4Verifier().verify(request) { _ in "s" } }
    }

    @Test func signingResultsHaveNoDescriptionThatLeaksTheSecretOrToken() {
        let result = SigV4Signer(region: "us-east-1", service: "sts").sign(
            SignableRequest(method: "GET", path: "/", headers: [("Host", "x")], body: []), credentials: Self.credentials, at: Self.time)
        let description = String(describing: Self.credentials) + String(describing: result.canonicalRequest)
        #expect(!description.contains("verify-secret"))
    }

    @Test func signingTimeRoundTripsThroughTheAmzDateForm() {
        let time = SigningTime(Date(timeIntervalSince1970: 951_782_400))  // 2000-02-29T00:00:00Z, a leap day
        #expect(time.amzDate == "20000229T000000Z")
        #expect(SigningTime.parse(amzDate: time.amzDate) == Date(timeIntervalSince1970: 951_782_400))
        #expect(SigningTime.parse(amzDate: "2000-02-29T00:00:00Z") == nil)
    }
}
