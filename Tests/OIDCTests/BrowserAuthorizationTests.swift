import Crypto
import Foundation
import Testing

@testable import OIDC

/// The browser leg of an Identity Center sign-in: the exact registered redirect URI (fixed port
/// and path), state and PKCE S256 on the URL, the code handed back with the verifier.
@Suite("Browser authorization for a code another party redeems")
struct BrowserAuthorizationTests {
    /// A port nobody listens on right now (the system's pick, released again).
    static func freePort() async throws -> Int {
        let probe = try await LoopbackReceiver.start(expectedState: "probe")
        let port = probe.port
        await probe.close()
        return port
    }

    @Test func theURLCarriesTheRegisteredRedirectStateAndS256AndTheCodeComesBackWithItsVerifier() async throws {
        let redirect = "http://127.0.0.1:\(try await Self.freePort())/idc/callback"
        let browser = PlayingBrowser { query in "code=the-code&state=\(query["state"] ?? "")" }
        let authorization = BrowserAuthorization(authorizationEndpoint: URL(string: "https://oidc.us-east-2.amazonaws.com/authorize")!,
                                                 clientID: "arn:aws:sso::111122223333:application/ssoins-1/apl-1",
                                                 redirectURI: redirect, browser: browser)
        let grant = try await authorization.run(options: .init(openBrowser: true, timeout: .seconds(20)), progress: { _ in })
        let seen = browser.seen.withLockedValue { $0 }
        #expect(seen.receiverWasListening)
        #expect(seen.query["response_type"] == "code")
        #expect(seen.query["client_id"] == "arn:aws:sso::111122223333:application/ssoins-1/apl-1")
        #expect(seen.query["redirect_uri"] == redirect)
        #expect(seen.query["code_challenge_method"] == "S256")
        #expect((seen.query["state"] ?? "").count >= 43)
        #expect(grant.code == "the-code")
        #expect(grant.redirectURI == redirect)
        #expect(Base64URL.encode(Data(SHA256.hash(data: Data(grant.codeVerifier.utf8)))) == seen.query["code_challenge"])
        #expect(!"\(grant)".contains("the-code"))
    }

    @Test func aDeniedSignInIsAuthorizationDenied() async throws {
        let redirect = "http://127.0.0.1:\(try await Self.freePort())/callback"
        let browser = PlayingBrowser { query in "error=access_denied&error_description=no&state=\(query["state"] ?? "")" }
        let authorization = BrowserAuthorization(authorizationEndpoint: URL(string: "https://oidc.us-east-1.amazonaws.com/authorize")!,
                                                 clientID: "arn", redirectURI: redirect, browser: browser)
        await #expect {
            _ = try await authorization.run(options: .init(openBrowser: true, timeout: .seconds(20)), progress: { _ in })
        } throws: { error in
            if case OIDCError.authorizationDenied(let code, _) = error { return code == "access_denied" }
            return false
        }
    }

    @Test(arguments: ["https://app.example.com/callback", "http://127.0.0.1/callback", "http://10.0.0.1:8080/callback"])
    func aRedirectQseekCannotReceiveIsRefusedBeforeAnythingListens(redirect: String) async throws {
        let authorization = BrowserAuthorization(authorizationEndpoint: URL(string: "https://oidc.us-east-1.amazonaws.com/authorize")!,
                                                 clientID: "arn", redirectURI: redirect, browser: PlayingBrowser { _ in "" })
        await #expect(throws: OIDCError.self) {
            _ = try await authorization.run(options: .init(openBrowser: false, timeout: .seconds(1)), progress: { _ in })
        }
    }
}
