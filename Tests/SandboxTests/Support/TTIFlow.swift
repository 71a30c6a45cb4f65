import AWS
import Crypto
import Foundation
import HTTP
@testable import Sandbox

/// Walks the whole TTI flow against a sandbox, the way qseek does, for tests that need
/// identity-aware credentials.
struct TTIFlow {
    let http: SandboxHTTP
    var sandbox: RunningSandbox { http.sandbox }

    static let redirect = "http://127.0.0.1:9/callback"

    /// The query of an authorization request with PKCE for `verifier`.
    static func authorizeQuery(verifier: String, hint: String?) -> String {
        let challenge = Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))
        var items = [("response_type", "code"), ("client_id", "qseek-demo"), ("redirect_uri", redirect),
                     ("code_challenge", challenge), ("code_challenge_method", "S256"), ("state", "st"),
                     ("nonce", "n-0S6_WzA2Mj"), ("scope", "openid email")]
        if let hint { items.append(("login_hint", hint)) }
        return FormBody.encode(items)
    }

    static func newVerifier() -> String {
        (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "")
    }

    /// The code from an authorization request approved at once through its login hint.
    func code(for email: String, verifier: String) async throws -> String {
        let authorize = try await http.send("GET", "/idp/authorize?" + Self.authorizeQuery(verifier: verifier, hint: email))
        guard authorize.status == 302, let location = authorize.header("location"),
              let code = URLComponents(string: location)?.queryItems?.first(where: { $0.name == "code" })?.value else {
            throw FlowError.step("authorize answered \(authorize.status)")
        }
        return code
    }

    func redeem(code: String, verifier: String) async throws -> SandboxHTTP.Reply {
        try await http.send("POST", "/idp/token", headers: [("content-type", "application/x-www-form-urlencoded")],
                            body: Array(FormBody.encode([("grant_type", "authorization_code"), ("code", code),
                                                         ("redirect_uri", Self.redirect), ("client_id", "qseek-demo"),
                                                         ("code_verifier", verifier)]).utf8))
    }

    /// Authorization code + PKCE with a login hint; returns the ID token.
    func idToken(for email: String) async throws -> String {
        let verifier = Self.newVerifier()
        let token = try await redeem(code: try await code(for: email, verifier: verifier), verifier: verifier)
        guard let idToken = token.json?["id_token"]?.stringValue else { throw FlowError.step("token answered \(token.status) \(token.text)") }
        return idToken
    }

    func assumeRole(tenant: String, context: String? = nil, credentials: Credentials = SandboxHTTP.baseKey) async throws -> Credentials {
        var form = [("Action", "AssumeRole"), ("Version", "2011-06-15"),
                    ("RoleArn", sandbox.corpus.dataAccessorRoleARN), ("RoleSessionName", "qseek-test"),
                    ("DurationSeconds", "900"), ("Tags.member.1.Key", "qbusiness-dataaccessor:ExternalId"),
                    ("Tags.member.1.Value", tenant)]
        if let context {
            form += [("ProvidedContexts.member.1.ProviderArn", "arn:aws:iam::aws:contextProvider/IdentityCenter"),
                     ("ProvidedContexts.member.1.ContextAssertion", context)]
        }
        let reply = try await http.sts(form, credentials: credentials)
        guard reply.status == 200, let key = xmlValue("AccessKeyId", in: reply.text), let secret = xmlValue("SecretAccessKey", in: reply.text),
              let token = xmlValue("SessionToken", in: reply.text) else { throw FlowError.step("AssumeRole answered \(reply.status) \(reply.text)") }
        return Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token)
    }

    func identityContext(tenant: Tenant, idToken: String, credentials: Credentials) async throws -> String {
        let reply = try await http.json("/sso-oidc/token?aws_iam=t", service: "sso-oauth", region: tenant.idcRegion, credentials: credentials,
                                        ["clientId": .string(tenant.idcApplicationARN),
                                         "grantType": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": .string(idToken)])
        guard let context = reply.json?["awsAdditionalDetails"]?["identityContext"]?.stringValue else {
            throw FlowError.step("CreateTokenWithIAM answered \(reply.status) \(reply.text)")
        }
        return context
    }

    /// Credentials B for `email` in `tenant`.
    func identityAwareCredentials(email: String, tenant: Tenant) async throws -> Credentials {
        let idToken = try await idToken(for: email)
        let credentialsA = try await assumeRole(tenant: tenant.id)
        let context = try await identityContext(tenant: tenant, idToken: idToken, credentials: credentialsA)
        return try await assumeRole(tenant: tenant.id, context: context)
    }

    func search(tenant: Tenant, credentials: Credentials, _ body: JSONValue) async throws -> SandboxHTTP.Reply {
        try await http.json("/qbusiness/applications/\(tenant.applicationID)/relevant-content", service: "qbusiness",
                            region: tenant.region, credentials: credentials, body)
    }

    enum FlowError: Error { case step(String) }
}
