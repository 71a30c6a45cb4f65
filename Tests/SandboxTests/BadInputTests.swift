import AWS
import Testing
@testable import Sandbox

@Suite struct BadInputTests {
    @Test func aRequestWithoutAuthorizationIsMissingAuthenticationToken() async throws {
        try await withSandbox { http in
            let sts = try await http.send("POST", "/sts", headers: [("content-type", "application/x-www-form-urlencoded")],
                                          body: Array("Action=GetCallerIdentity&Version=2011-06-15".utf8))
            #expect(sts.status == 403)
            #expect(xmlValue("Code", in: sts.text) == "MissingAuthenticationToken")
            let tenant = http.sandbox.corpus.tenants[0]
            let q = try await http.send("POST", "/qbusiness/applications/\(tenant.applicationID)/relevant-content",
                                        headers: [("content-type", "application/json")], body: Array("{}".utf8))
            #expect(q.status == 403)
            #expect(q.header("x-amzn-ErrorType") == "MissingAuthenticationTokenException")
        }
    }

    @Test func aSignatureMadeWithAnotherSecretIsRefused() async throws {
        try await withSandbox { http in
            let wrong = Credentials(accessKeyID: DemoCredentials.accessKeyID, secretAccessKey: "wrong")
            let reply = try await http.sts([("Action", "GetCallerIdentity"), ("Version", "2011-06-15")], credentials: wrong)
            #expect(reply.status == 403)
            #expect(xmlValue("Code", in: reply.text) == "SignatureDoesNotMatch")
            let unknown = Credentials(accessKeyID: "AKIAUNKNOWNKEY000000", secretAccessKey: "x")
            let other = try await http.sts([("Action", "GetCallerIdentity"), ("Version", "2011-06-15")], credentials: unknown)
            #expect(xmlValue("Code", in: other.text) == "InvalidClientTokenId")
        }
    }

    @Test func aMalformedFormIsAnSTSErrorNotACrash() async throws {
        try await withSandbox { http in
            let reply = try await http.signed("/sts", service: "sts", credentials: SandboxHTTP.baseKey,
                                              contentType: "application/x-www-form-urlencoded", body: [0xFF, 0x25, 0x26, 0x3D, 0x00])
            #expect(reply.status == 400)
            #expect(reply.text.contains("<ErrorResponse"))
            let role = try await http.sts([("Action", "AssumeRole"), ("Version", "2011-06-15"), ("RoleArn", "arn:aws:iam::1:role/X"),
                                           ("RoleSessionName", "s"), ("DurationSeconds", "60")])
            #expect(xmlValue("Code", in: role.text) == "ValidationError")
        }
    }

    @Test func malformedJSONAndOutOfRangeFieldsAreValidationExceptions() async throws {
        try await withSandbox { http in
            let flow = TTIFlow(http: http)
            let tenant = http.sandbox.corpus.tenants[0]
            let credentials = try await flow.identityAwareCredentials(email: "alice@acme.example", tenant: tenant)
            let garbage = try await http.signed("/qbusiness/applications/\(tenant.applicationID)/relevant-content", service: "qbusiness",
                                                region: tenant.region, credentials: credentials, contentType: "application/json",
                                                body: Array(#"{"queryText": "x""#.utf8))
            #expect(garbage.status == 400)
            #expect(garbage.header("x-amzn-ErrorType") == "ValidationException")
            #expect(garbage.json?["reason"] == "CANNOT_PARSE")
            let outOfRange = try await flow.search(tenant: tenant, credentials: credentials, [
                "queryText": "x", "maxResults": 0, "contentSource": ["retriever": ["retrieverId": .string(tenant.retrieverID)]],
            ])
            #expect(outOfRange.json?["__type"] == "ValidationException")
            #expect(outOfRange.json?["fields"]?.arrayValue?.first?["name"] == "maxResults")
        }
    }

    @Test func aBodyOverTenMegabytesIs413AndTheServerKeepsServing() async throws {
        try await withSandbox { http in
            let big = [UInt8](repeating: 0x61, count: 10 * 1024 * 1024 + 1)
            let reply = try await http.send("POST", "/qbusiness/applications/x/relevant-content",
                                            headers: [("content-type", "application/json")], body: big)
            #expect(reply.status == 413)
            let idp = try await http.send("POST", "/idp/token", headers: [("content-type", "application/x-www-form-urlencoded")], body: big)
            #expect(idp.status == 413)
            let after = try await http.send("GET", "/idp/jwks")
            #expect(after.status == 200)
        }
    }

    @Test func theTokenEndpointRefusesJSONBodiesAsInvalidRequest() async throws {
        try await withSandbox { http in
            let reply = try await http.send("POST", "/idp/token", headers: [("content-type", "application/json")],
                                            body: Array(#"{"grant_type":"authorization_code"}"#.utf8))
            #expect(reply.status == 400)
            #expect(reply.json?["error"] == "invalid_request")
        }
    }
}
