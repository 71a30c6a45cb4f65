import Foundation
import HTTP
import Testing
@testable import Sandbox

@Suite struct IdentityProviderTests {
    @Test func discoveryAdvertisesS256AndRS256UnderTheSandboxIssuer() async throws {
        try await withSandbox { http in
            let document = try await http.send("GET", "/idp/.well-known/openid-configuration").json
            #expect(document?["issuer"]?.stringValue == http.sandbox.baseURL + "/idp")
            #expect(document?["code_challenge_methods_supported"] == ["S256"])
            #expect(document?["id_token_signing_alg_values_supported"] == ["RS256"])
            let jwks = try await http.send("GET", "/idp/jwks").json
            #expect(jwks?["keys"]?.arrayValue?.first?["kty"] == "RSA")
        }
    }

    @Test func anAuthorizationCodeWorksOnceAndItsReplayIsRefused() async throws {
        try await withSandbox { http in
            let flow = TTIFlow(http: http)
            let verifier = TTIFlow.newVerifier()
            let code = try await flow.code(for: "alice@acme.example", verifier: verifier)
            let first = try await flow.redeem(code: code, verifier: verifier)
            #expect(first.status == 200)
            #expect(first.json?["id_token"]?.stringValue != nil)
            let replay = try await flow.redeem(code: code, verifier: verifier)
            #expect(replay.status == 400)
            #expect(replay.json?["error"] == "invalid_grant")
        }
    }

    @Test func aWrongCodeVerifierIsRefusedAsInvalidGrant() async throws {
        try await withSandbox { http in
            let flow = TTIFlow(http: http)
            let code = try await flow.code(for: "alice@acme.example", verifier: TTIFlow.newVerifier())
            let reply = try await flow.redeem(code: code, verifier: TTIFlow.newVerifier())
            #expect(reply.status == 400)
            #expect(reply.json?["error"] == "invalid_grant")
            #expect(reply.header("cache-control") == "no-store")
        }
    }

    @Test func anAuthorizationRequestWithoutPKCEIsSentBackWithAnError() async throws {
        try await withSandbox { http in
            let query = FormBody.encode([("response_type", "code"), ("client_id", "qseek-demo"),
                                         ("redirect_uri", TTIFlow.redirect), ("state", "s1"), ("login_hint", "alice@acme.example")])
            let reply = try await http.send("GET", "/idp/authorize?" + query)
            #expect(reply.status == 302)
            let location = try #require(reply.header("location"))
            #expect(location.hasPrefix(TTIFlow.redirect + "?error=invalid_request"))
            #expect(location.contains("state=s1"))
            #expect(!location.contains("code="))
        }
    }

    @Test func aRedirectURIOffLoopbackIsNeverRedirectedTo() async throws {
        try await withSandbox { http in
            let verifier = TTIFlow.newVerifier()
            let query = TTIFlow.authorizeQuery(verifier: verifier, hint: "alice@acme.example")
                .replacingOccurrences(of: "127.0.0.1%3A9", with: "evil.example")
            let reply = try await http.send("GET", "/idp/authorize?" + query)
            #expect(reply.status == 400)
            #expect(reply.header("location") == nil)
        }
    }

    @Test func withoutALoginHintTheSignInPageListsEveryDemoUser() async throws {
        try await withSandbox { http in
            let reply = try await http.send("GET", "/idp/authorize?" + TTIFlow.authorizeQuery(verifier: TTIFlow.newVerifier(), hint: nil))
            #expect(reply.status == 200)
            for user in http.sandbox.corpus.users { #expect(reply.text.contains(user.email)) }
        }
    }

    @Test func theIDTokenCarriesTheUsersEmailNonceAndTenants() async throws {
        try await withSandbox { http in
            let token = try await TTIFlow(http: http).idToken(for: "priya@consult.example")
            let payload = try #require(Base64URL.decode(token.split(separator: ".")[1]).flatMap(JSONValue.parse))
            #expect(payload["email"] == "priya@consult.example")
            #expect(payload["aud"] == "qseek-demo")
            #expect(payload["iss"]?.stringValue == http.sandbox.issuer)
            #expect(payload["nonce"] == "n-0S6_WzA2Mj")
            #expect(payload["tenants"] == ["T0100ACME", "T0200NWND"])
        }
    }

    @Test func theDeviceFlowIsPendingUntilAUserApprovesTheCode() async throws {
        try await withSandbox { http in
            let form = ["content-type": "application/x-www-form-urlencoded"].map { ($0.key, $0.value) }
            let start = try await http.send("POST", "/idp/device_authorization", headers: form,
                                            body: Array("client_id=qseek-demo&scope=openid".utf8))
            let deviceCode = try #require(start.json?["device_code"]?.stringValue)
            let userCode = try #require(start.json?["user_code"]?.stringValue)
            let poll = Array(FormBody.encode([("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                                              ("device_code", deviceCode), ("client_id", "qseek-demo")]).utf8)
            let pending = try await http.send("POST", "/idp/token", headers: form, body: poll)
            #expect(pending.json?["error"] == "authorization_pending")
            let approve = try await http.send("POST", "/idp/device", headers: form,
                                              body: Array(FormBody.encode([("user_code", userCode), ("subject", "u-erin")]).utf8))
            #expect(approve.status == 200)
            try await Task.sleep(for: .milliseconds(1100))
            let done = try await http.send("POST", "/idp/token", headers: form, body: poll)
            #expect(done.json?["id_token"]?.stringValue != nil)
        }
    }
}
