import AWS
import Foundation
import HTTP
import Testing
@testable import Sandbox

/// The refusals `qseek doctor` explains must come from the party that refuses in real life, for
/// the reason it refuses: a wrong tenant id at Q Business (STS knows nothing of external ids), a
/// wrong OIDC client id at the IdP before any grant is looked at, a wrong secret at STS.
@Suite struct DoctorFailureModesTests {
    @Test func stsAcceptsAnIdentityContextUnderAnotherTenantsTagAndQBusinessRefusesIt() async throws {
        try await withSandbox { http in
            let flow = TTIFlow(http: http)
            let acme = http.sandbox.corpus.tenants[0]
            let northwind = http.sandbox.corpus.tenants[1]
            // Priya is a member of both tenants; her Acme context goes into a session tagged Northwind.
            let idToken = try await flow.idToken(for: "priya@consult.example")
            let context = try await flow.identityContext(tenant: acme, idToken: idToken, credentials: try await flow.assumeRole(tenant: acme.id))
            let mixed = try await flow.assumeRole(tenant: northwind.id, context: context)
            let body: JSONValue = ["queryText": "policy", "contentSource": ["retriever": ["retrieverId": .string(acme.retrieverID)]]]
            let atAcme = try await flow.search(tenant: acme, credentials: mixed, body)
            #expect(atAcme.status == 403)
            #expect(atAcme.header("x-amzn-ErrorType") == "AccessDeniedException")

            // A tenant id nobody configured as an external id: STS tags it, Q Business refuses it.
            let unknown = try await flow.assumeRole(tenant: "T0100ACMX", context: context)
            let atAcmeUnknown = try await flow.search(tenant: acme, credentials: unknown, body)
            #expect(atAcmeUnknown.status == 403)
            #expect(atAcmeUnknown.header("x-amzn-ErrorType") == "AccessDeniedException")
        }
    }

    @Test func theTokenEndpointRefusesAnUnknownClientBeforeLookingAtTheGrant() async throws {
        try await withSandbox { http in
            func refresh(client: String) async throws -> SandboxHTTP.Reply {
                try await http.send("POST", "/idp/token", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                    body: Array(FormBody.encode([("grant_type", "refresh_token"), ("refresh_token", "not-a-refresh-token"),
                                                                 ("client_id", client)]).utf8))
            }
            let unknown = try await refresh(client: "qseek-demX")
            #expect(unknown.status == 401)
            #expect(unknown.json?["error"] == "invalid_client")
            let known = try await refresh(client: http.sandbox.corpus.clientID)
            #expect(known.status == 400)
            #expect(known.json?["error"] == "invalid_grant")
        }
    }

    @Test func aWrongSecretForTheDemoKeyIsSignatureDoesNotMatchAtSTS() async throws {
        try await withSandbox { http in
            let wrong = Credentials(accessKeyID: DemoCredentials.accessKeyID, secretAccessKey: DemoCredentials.secretAccessKey + "x")
            let reply = try await http.sts([("Action", "GetCallerIdentity"), ("Version", "2011-06-15")], credentials: wrong)
            #expect(reply.status == 403)
            #expect(xmlValue("Code", in: reply.text) == "SignatureDoesNotMatch")
            let unknownKey = Credentials(accessKeyID: "AKIASANDBOXDEMO00002", secretAccessKey: DemoCredentials.secretAccessKey)
            let refused = try await http.sts([("Action", "GetCallerIdentity"), ("Version", "2011-06-15")], credentials: unknownKey)
            #expect(xmlValue("Code", in: refused.text) == "InvalidClientTokenId")
        }
    }
}
