import AWS
import Crypto
import Foundation
import HTTP
import Testing
@testable import Sandbox

/// The auth-code data accessor against the sandbox's Identity Center: `/authorize`, codes that
/// work once and only for their client, redirect URI and PKCE verifier, the rotating
/// `refresh_token` grant, and the AWS error for each misuse.
@Suite struct AuthCodeFlowTests {
    struct Flow {
        let http: SandboxHTTP
        var tenant: Tenant { http.sandbox.corpus.tenants.first { $0.authentication == .identityCenterAuthCode }! }
        var redirect: String { tenant.redirectURIs[0] }

        func authorize(hint: String?, verifier: String?, redirect: String? = nil, clientID: String? = nil) async throws -> SandboxHTTP.Reply {
            var items = [("response_type", "code"), ("client_id", clientID ?? tenant.idcApplicationARN),
                         ("redirect_uri", redirect ?? self.redirect), ("state", "st-1")]
            if let verifier {
                items += [("code_challenge", Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))), ("code_challenge_method", "S256")]
            }
            if let hint { items.append(("login_hint", hint)) }
            return try await http.send("GET", "/sso-oidc/authorize?" + FormBody.encode(items))
        }

        func code(for email: String, verifier: String?) async throws -> String {
            let reply = try await authorize(hint: email, verifier: verifier)
            let location = try #require(reply.header("location"))
            #expect(location.hasPrefix(redirect + "?"))
            let items = URLComponents(string: location)?.queryItems ?? []
            #expect(items.first { $0.name == "state" }?.value == "st-1")
            return try #require(items.first { $0.name == "code" }?.value)
        }

        func token(_ fields: [String: JSONValue], clientID: String? = nil, credentials: Credentials? = nil) async throws -> SandboxHTTP.Reply {
            var body = fields
            body["clientId"] = .string(clientID ?? tenant.idcApplicationARN)
            let credentialsA: Credentials
            if let credentials { credentialsA = credentials } else { credentialsA = try await TTIFlow(http: http).assumeRole(tenant: tenant.id) }
            return try await http.json("/sso-oidc/token?aws_iam=t", service: "sso-oauth", region: tenant.idcRegion,
                                       credentials: credentialsA, .object(body))
        }

        func redeem(_ code: String, verifier: String?, redirect: String? = nil, clientID: String? = nil) async throws -> SandboxHTTP.Reply {
            var fields: [String: JSONValue] = ["grantType": "authorization_code", "code": .string(code),
                                               "redirectUri": .string(redirect ?? self.redirect)]
            if let verifier { fields["codeVerifier"] = .string(verifier) }
            return try await token(fields, clientID: clientID)
        }
    }

    static func expectError(_ reply: SandboxHTTP.Reply, _ type: String, _ code: String, status: Int = 400) {
        #expect(reply.status == status, "\(reply.text)")
        #expect(reply.header("x-amzn-ErrorType") == type)
        #expect(reply.json?["error"]?.stringValue == code)
    }

    @Test func theWholeFlowFindsOnlyWhatTheMemberMayRead() async throws {
        try await withSandbox { http in
            let flow = Flow(http: http)
            let verifier = TTIFlow.newVerifier()
            let answer = try await flow.redeem(try await flow.code(for: "ivan@globex.example", verifier: verifier), verifier: verifier)
            #expect(answer.status == 200, "\(answer.text)")
            #expect(answer.json?["refreshToken"]?.stringValue?.isEmpty == false)
            let context = try #require(answer.json?["awsAdditionalDetails"]?["identityContext"]?.stringValue)
            let idToken = try #require(answer.json?["idToken"]?.stringValue)
            #expect(IAMToken.identityContext(fromIDToken: idToken) == context)
            let ttiFlow = TTIFlow(http: http)
            let credentials = try await ttiFlow.assumeRole(tenant: flow.tenant.id, context: context)
            let reply = try await ttiFlow.search(tenant: flow.tenant, credentials: credentials, TTIFlowTests.searchBody(flow.tenant, "failover runbook"))
            #expect(reply.status == 200)
            let ids = (reply.json?["relevantContent"]?.arrayValue ?? []).compactMap { $0["documentId"]?.stringValue }
            #expect(ids.contains("globex-runbook-0002"))
            #expect(!ids.contains("globex-guide-0003"))  // the clinical group's, not IT's
        }
    }

    @Test func aCodeWorksOnceAndOnlyForItsClientRedirectAndVerifier() async throws {
        try await withSandbox { http in
            let flow = Flow(http: http)
            let verifier = TTIFlow.newVerifier()
            let code = try await flow.code(for: "hana@globex.example", verifier: verifier)
            #expect(try await flow.redeem(code, verifier: verifier).status == 200)
            Self.expectError(try await flow.redeem(code, verifier: verifier), "InvalidGrantException", "invalid_grant")

            let other = TTIFlow.newVerifier()
            Self.expectError(try await flow.redeem(try await flow.code(for: "hana@globex.example", verifier: other),
                                                   verifier: other, redirect: "http://127.0.0.1:47311/other"),
                             "InvalidGrantException", "invalid_grant")
            Self.expectError(try await flow.redeem(try await flow.code(for: "hana@globex.example", verifier: other), verifier: verifier),
                             "InvalidGrantException", "invalid_grant")
            Self.expectError(try await flow.redeem(try await flow.code(for: "hana@globex.example", verifier: other), verifier: nil),
                             "InvalidRequestException", "invalid_request")
            // Another tenant's application: its data accessor does not take codes at all.
            let acme = try #require(http.sandbox.corpus.tenant(id: "T0100ACME"))
            let acmeCredentials = try await TTIFlow(http: http).assumeRole(tenant: acme.id)
            let wrongClient = try await http.json(
                "/sso-oidc/token?aws_iam=t", service: "sso-oauth", region: acme.idcRegion, credentials: acmeCredentials,
                ["clientId": .string(acme.idcApplicationARN), "grantType": "authorization_code",
                 "code": .string(try await flow.code(for: "hana@globex.example", verifier: other)),
                 "redirectUri": .string(flow.redirect), "codeVerifier": .string(other)])
            Self.expectError(wrongClient, "UnauthorizedClientException", "unauthorized_client")
            Self.expectError(try await flow.redeem("made-up", verifier: verifier, clientID: "arn:aws:sso::111122223333:application/ssoins-x/apl-x"),
                             "InvalidClientException", "invalid_client", status: 401)
        }
    }

    @Test func aCodeRequestedWithoutPKCEIsAcceptedWithoutAVerifier() async throws {
        try await withSandbox { http in
            let flow = Flow(http: http)
            let code = try await flow.code(for: "priya@consult.example", verifier: nil)
            let reply = try await flow.redeem(code, verifier: nil)
            #expect(reply.status == 200)
        }
    }

    @Test func anExpiredCodeIsExpiredToken() async throws {
        var options = SandboxOptions()
        options.authCodeLifetime = 0.2
        try await withSandbox(options) { http in
            let flow = Flow(http: http)
            let verifier = TTIFlow.newVerifier()
            let code = try await flow.code(for: "hana@globex.example", verifier: verifier)
            try await Task.sleep(for: .milliseconds(400))
            Self.expectError(try await flow.redeem(code, verifier: verifier), "ExpiredTokenException", "expired_token")
        }
    }

    @Test func refreshTokensRotateAndWorkOnce() async throws {
        try await withSandbox { http in
            let flow = Flow(http: http)
            let verifier = TTIFlow.newVerifier()
            let first = try await flow.redeem(try await flow.code(for: "ivan@globex.example", verifier: verifier), verifier: verifier)
            let refresh = try #require(first.json?["refreshToken"]?.stringValue)
            let renewed = try await flow.token(["grantType": "refresh_token", "refreshToken": .string(refresh)])
            #expect(renewed.status == 200)
            let rotated = try #require(renewed.json?["refreshToken"]?.stringValue)
            #expect(rotated != refresh)
            #expect(renewed.json?["awsAdditionalDetails"]?["identityContext"]?.stringValue != nil)
            Self.expectError(try await flow.token(["grantType": "refresh_token", "refreshToken": .string(refresh)]),
                             "InvalidGrantException", "invalid_grant")
            #expect(try await flow.token(["grantType": "refresh_token", "refreshToken": .string(rotated)]).status == 200)
        }
    }

    @Test func authorizeShowsErrorsForUnknownClientsAndUnregisteredRedirects() async throws {
        try await withSandbox { http in
            let flow = Flow(http: http)
            let unregistered = try await flow.authorize(hint: "hana@globex.example", verifier: nil, redirect: "http://127.0.0.1:47312/callback")
            #expect(unregistered.status == 400)
            #expect(unregistered.header("location") == nil)
            let acme = try #require(http.sandbox.corpus.tenant(id: "T0100ACME"))
            #expect(try await flow.authorize(hint: nil, verifier: nil, clientID: acme.idcApplicationARN).status == 400)
            // No hint (or a stranger's): the sign-in page lists the tenant's members.
            let page = try await flow.authorize(hint: nil, verifier: nil)
            #expect(page.status == 200)
            #expect(page.text.contains("Ivan Petrov"))
            #expect(page.text.contains("Priya Raman"))
            #expect(!page.text.contains("alice@acme.example"))
        }
    }

    @Test func theChooserFormSignsTheChosenMemberIn() async throws {
        try await withSandbox { http in
            let flow = Flow(http: http)
            let form = [("response_type", "code"), ("client_id", flow.tenant.idcApplicationARN), ("redirect_uri", flow.redirect),
                        ("state", "st-2"), ("member", "ivan@globex.example")]
            let reply = try await http.send("POST", "/sso-oidc/authorize", headers: [("content-type", "application/x-www-form-urlencoded")],
                                            body: Array(FormBody.encode(form).utf8))
            #expect(reply.status == 302)
            let location = try #require(reply.header("location"))
            let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
            #expect(try await flow.redeem(code, verifier: nil).status == 200)
        }
    }

    @Test func aTTITenantRefusesTheCodeGrantsAndTheAuthCodeTenantRefusesJWTBearer() async throws {
        try await withSandbox { http in
            let flow = Flow(http: http)
            let idToken = try await TTIFlow(http: http).idToken(for: "priya@consult.example")
            Self.expectError(try await flow.token(["grantType": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": .string(idToken)]),
                             "UnauthorizedClientException", "unauthorized_client")
        }
    }
}
