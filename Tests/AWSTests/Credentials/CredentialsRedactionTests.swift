import Foundation
import Testing

@testable import AWS

@Suite("Credentials never show their secrets")
struct CredentialsRedactionTests {
    let credentials = Credentials(accessKeyID: "ASIAEXAMPLE", secretAccessKey: "wJalrXUtnFEMI-secret", sessionToken: "FwoGZX-session-token",
                                  expiration: Date(timeIntervalSince1970: 1_800_000_000))

    @Test func dumpShowsTheKeyIdButNotTheSecretOrTheSessionToken() {
        var dumped = ""
        dump(credentials, to: &dumped)
        dump([credentials], to: &dumped)  // nested, as in a larger value
        #expect(dumped.contains("ASIAEXAMPLE"))
        #expect(!dumped.contains("wJalrXUtnFEMI-secret"))
        #expect(!dumped.contains("FwoGZX-session-token"))
    }

    @Test func printingAndInterpolationAndReflectionShowNoSecret() {
        var printed = ""
        print(credentials, to: &printed)
        debugPrint(credentials, to: &printed)
        printed += "\(credentials) \(String(reflecting: credentials)) \(String(describing: Optional(credentials)))"
        printed += Mirror(reflecting: credentials).children.map { "\($0.label ?? ""): \($0.value)" }.joined()
        #expect(printed.contains("ASIAEXAMPLE"))
        #expect(!printed.contains("wJalrXUtnFEMI-secret"))
        #expect(!printed.contains("FwoGZX-session-token"))
    }
}
