import Foundation
import Testing

@testable import OIDC

/// Secrets must not leak through `print`, `String(reflecting:)`, `dump` or a debugger.
@Suite("Redaction of secrets")
struct RedactionTests {
    func renderings(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return ["\(value)", String(reflecting: value), dumped]
    }

    @Test func clientSecretsAreRedacted() {
        for client in [ClientAuthentication.secretBasic(clientID: "c", secret: "hunter2-secret"), .secretPost(clientID: "c", secret: "hunter2-secret")] {
            for text in renderings(client) { #expect(!text.contains("hunter2-secret")) }
        }
        let configuration = IdentityConfiguration(issuer: "https://idp", clientID: "c", clientSecret: "hunter2-secret")
        for text in renderings(configuration) {
            #expect(!text.contains("hunter2-secret"))
            #expect(text.contains("https://idp"))
        }
    }

    @Test func codesAndVerifiersAreRedacted() {
        for text in renderings(AuthorizationCallback.code("the-authorization-code")) { #expect(!text.contains("the-authorization-code")) }
        let pkce = PKCE()
        for text in renderings(pkce) { #expect(!text.contains(pkce.verifier)) }
    }

    @Test func tokenResponsesAreRedactedAndToleratesStringExpiry() throws {
        let body = #"{"access_token":"secret-access","id_token":"secret-id","refresh_token":"secret-refresh","expires_in":"3600"}"#
        let response = try JSONDecoder().decode(TokenResponse.self, from: Data(body.utf8))
        #expect(response.expiresIn == 3600)
        for text in renderings(response) {
            #expect(!text.contains("secret-"))
        }
    }

    @Test func requestsShowOnlyMethodAndURL() {
        let request = HTTPRequest.form(URL(string: "https://idp/token")!, fields: [("refresh_token", "secret-refresh")], headers: [("Authorization", "Basic c2VjcmV0")])
        #expect("\(request)" == "POST https://idp/token")
        for text in renderings(request) {
            #expect(!text.contains("secret-refresh"))
            #expect(!text.contains("c2VjcmV0"))
        }
    }
}
