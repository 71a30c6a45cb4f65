import AWS
import Foundation
import HTTP
import Testing
@testable import Sandbox

@Suite struct TTIFlowTests {
    static func searchBody(_ tenant: Tenant, _ query: String) -> JSONValue {
        ["queryText": .string(query), "maxResults": 5,
         "contentSource": ["retriever": ["retrieverId": .string(tenant.retrieverID)]]]
    }

    @Test func identityAwareCredentialsFindPassagesTheUserMayRead() async throws {
        try await withSandbox { http in
            let flow = TTIFlow(http: http)
            let tenant = http.sandbox.corpus.tenants[1]
            let credentials = try await flow.identityAwareCredentials(email: "farid@northwind.example", tenant: tenant)
            let reply = try await flow.search(tenant: tenant, credentials: credentials, Self.searchBody(tenant, "hydraulic press maintenance"))
            #expect(reply.status == 200)
            let items = reply.json?["relevantContent"]?.arrayValue ?? []
            #expect(!items.isEmpty)
            #expect(reply.json?["nextToken"]?.stringValue != nil)
        }
    }

    @Test func credentialsWithoutAnIdentityContextAreAccessDenied() async throws {
        try await withSandbox { http in
            let flow = TTIFlow(http: http)
            let tenant = http.sandbox.corpus.tenants[0]
            let credentialsA = try await flow.assumeRole(tenant: tenant.id)
            let reply = try await flow.search(tenant: tenant, credentials: credentialsA, Self.searchBody(tenant, "leave"))
            #expect(reply.status == 403)
            #expect(reply.header("x-amzn-ErrorType") == "AccessDeniedException")
        }
    }

    @Test func aForgedIdentityContextIsRefusedBySTS() async throws {
        try await withSandbox { http in
            let flow = TTIFlow(http: http)
            let tenant = http.sandbox.corpus.tenants[0]
            let idToken = try await flow.idToken(for: "bob@acme.example")
            let context = try await flow.identityContext(tenant: tenant, idToken: idToken, credentials: try await flow.assumeRole(tenant: tenant.id))
            let payload = String(context.split(separator: ".")[0])
            var claims = try #require(Base64URL.decode(payload).flatMap(JSONValue.parse)?.objectValue)
            claims["groups"] = ["hr", "all-staff"]
            let forged = Base64URL.encode(JSONValue.object(claims).serialized()) + "." + context.split(separator: ".")[1]
            await #expect(throws: TTIFlow.FlowError.self) { try await flow.assumeRole(tenant: tenant.id, context: forged) }
        }
    }

    @Test func aNextTokenIssuedToOneUserIsRefusedForAnother() async throws {
        try await withSandbox { http in
            let flow = TTIFlow(http: http)
            let tenant = http.sandbox.corpus.tenants[0]
            let alice = try await flow.identityAwareCredentials(email: "alice@acme.example", tenant: tenant)
            let dmitri = try await flow.identityAwareCredentials(email: "dmitri@acme.example", tenant: tenant)
            let first = try await flow.search(tenant: tenant, credentials: alice, Self.searchBody(tenant, "incident"))
            let token = try #require(first.json?["nextToken"])
            guard case .object(var body) = Self.searchBody(tenant, "incident") else { return }
            body["nextToken"] = token
            let own = try await flow.search(tenant: tenant, credentials: alice, .object(body))
            #expect(own.status == 200)
            let stolen = try await flow.search(tenant: tenant, credentials: dmitri, .object(body))
            #expect(stolen.status == 400)
            #expect(stolen.json?["fields"]?.arrayValue?.first?["name"] == "nextToken")
        }
    }

    @Test func anIssuerTheTenantDoesNotTrustIsInvalidGrant() async throws {
        try await withSandbox { other in
            let foreignToken = try await TTIFlow(http: other).idToken(for: "alice@acme.example")
            try await withSandbox { http in
                let flow = TTIFlow(http: http)
                let tenant = http.sandbox.corpus.tenants[0]
                let credentialsA = try await flow.assumeRole(tenant: tenant.id)
                let reply = try await http.json("/sso-oidc/token?aws_iam=t", service: "sso-oauth", region: tenant.idcRegion,
                                                credentials: credentialsA,
                                                ["clientId": .string(tenant.idcApplicationARN),
                                                 "grantType": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": .string(foreignToken)])
                #expect(reply.status == 400)
                #expect(reply.json?["error"] == "invalid_grant")
                #expect(reply.header("x-amzn-ErrorType") == "InvalidGrantException")
            }
        }
    }

    @Test func anExternalTrustedIssuerIsVerifiedByDiscoveryAndJWKS() async throws {
        try await withSandbox { external in
            let trust = TrustedIssuer(issuer: external.sandbox.issuer, audience: "qseek-demo", claim: "email")
            let token = try await TTIFlow(http: external).idToken(for: "carol@acme.example")
            try await withSandbox(SandboxOptions(trustedIssuer: trust)) { http in
                let flow = TTIFlow(http: http)
                let tenant = http.sandbox.corpus.tenants[0]
                let context = try await flow.identityContext(tenant: tenant, idToken: token,
                                                             credentials: try await flow.assumeRole(tenant: tenant.id))
                let credentials = try await flow.assumeRole(tenant: tenant.id, context: context)
                let reply = try await flow.search(tenant: tenant, credentials: credentials, Self.searchBody(tenant, "parental leave"))
                #expect(reply.status == 200)
            }
        }
    }

    @Test func sessionCredentialsOlderThanTheFaultLimitAreExpired() async throws {
        var options = SandboxOptions()
        options.faults = try FaultPlan.parse("expire-credentials-after=1s")
        try await withSandbox(options) { http in
            let flow = TTIFlow(http: http)
            let credentials = try await flow.assumeRole(tenant: "T0100ACME")
            try await Task.sleep(for: .milliseconds(1200))
            let reply = try await http.sts([("Action", "GetCallerIdentity"), ("Version", "2011-06-15")], credentials: credentials)
            #expect(reply.status == 400)
            #expect(xmlValue("Code", in: reply.text) == "ExpiredToken")
        }
    }

    @Test func throttlingHitsTheAWSEndpointsButNeverTheIdP() async throws {
        var options = SandboxOptions()
        options.faults = try FaultPlan.parse("throttle=1")
        try await withSandbox(options) { http in
            let sts = try await http.sts([("Action", "GetCallerIdentity"), ("Version", "2011-06-15")])
            #expect(sts.status == 400)
            #expect(xmlValue("Code", in: sts.text) == "Throttling")
            let token = try await TTIFlow(http: http).idToken(for: "alice@acme.example")
            #expect(!token.isEmpty)
        }
    }

    @Test func anErrorFaultAnswers500AfterTheInjectedLatency() async throws {
        var options = SandboxOptions()
        options.faults = try FaultPlan.parse("error=1,latency=120ms..150ms")
        try await withSandbox(options) { http in
            let started = ContinuousClock.now
            let tenant = http.sandbox.corpus.tenants[0]
            let reply = try await http.json("/qbusiness/applications/\(tenant.applicationID)/relevant-content", service: "qbusiness",
                                            region: tenant.region, credentials: SandboxHTTP.baseKey, ["queryText": "x"])
            #expect(started.duration(to: .now) >= .milliseconds(120))
            #expect(reply.status == 500)
            #expect(reply.header("x-amzn-ErrorType") == "InternalServerException")
        }
    }
}
