import AWS
import Foundation
import Testing
@testable import Sandbox

@Suite struct CorpusAndIdPExtrasTests {
    @Test func aCorpusDirectoryInTheDocumentedFormatLoads() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "qseek-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            account_id = "111122223333"
            data_accessor_role_arn = "arn:aws:iam::111122223333:role/QseekDataAccessor"
            client_id = "qseek-demo"

            [[users]]
            subject = "u-1"
            email = "kim@tiny.example"
            name = "Kim"

            [[tenants]]
            id = "TINY"
            name = "Tiny Co"
            region = "eu-west-1"
            idc_region = "eu-west-1"
            application_id = "00000000-0000-4000-8000-000000000001"
            retriever_id = "00000000-0000-4000-8000-000000000002"
            idc_application_arn = "arn:aws:sso::111122223333:application/ssoins-1/apl-1"
            documents = "docs.jsonl"
            document_filter = '{"notFilter": {"equalsTo": {"name": "_category", "value": {"stringValue": "secret"}}}}'

            [[tenants.members]]
            email = "kim@tiny.example"
            groups = ["staff"]
            """.write(to: directory.appending(path: "tenants.toml"), atomically: true, encoding: .utf8)
        try """
            {"id": "d1", "title": "Kettle rules", "uri": "https://tiny.example/d1", "body": "Descale the kettle monthly.", "attributes": {"_category": {"stringValue": "kitchen"}, "_created_at": {"dateValue": 1735689600}}, "acl": {"groups": ["staff"]}}
            {"id": "d2", "title": "Kettle secret", "uri": "https://tiny.example/d2", "body": "The kettle code is 1234.", "attributes": {"_category": {"stringValue": "secret"}}, "acl": {"groups": ["staff"]}}
            """.write(to: directory.appending(path: "docs.jsonl"), atomically: true, encoding: .utf8)
        let corpus = try CorpusLoader.directory(directory)
        let tenant = try #require(corpus.tenant(id: "TINY"))
        #expect(tenant.documents.count == 2)
        #expect(tenant.documents[0].attributes["_created_at"] == .date(1_735_689_600))
        let environment = SandboxEnvironment(corpus: corpus, options: SandboxOptions())
        let page = await environment.search(tenant: tenant, email: "kim@tiny.example", groups: ["staff"], query: "kettle",
                                      filter: nil, offset: 0, limit: 10)
        #expect(page.items.compactMap { $0["documentId"]?.stringValue } == ["d1"])
    }

    @Test func aCorpusDocumentWithoutABodyNamesItsFileAndLine() {
        #expect(throws: CorpusError.invalidDocument(file: "d.jsonl", line: 2, reason: "id, title, uri and body are required strings")) {
            _ = try CorpusLoader.parseDocuments("{\"id\":\"a\",\"title\":\"t\",\"uri\":\"u\",\"body\":\"b\"}\n{\"id\":\"b\"}", file: "d.jsonl")
        }
    }

    @Test func theEscapeTestDocumentKeepsEveryControlCharacterInTheCorpus() throws {
        let corpus = try CorpusLoader.bundled()
        // The generated (TTI) tenants carry it; the hand-written auth-code tenant's eight documents do not.
        for tenant in corpus.tenants where tenant.authentication == .trustedTokenIssuer {
            let document = tenant.documents.first { $0.id.hasSuffix("escape-test-0001") }
            #expect(document?.title.contains("\u{1B}[2J") == true)
            #expect(document?.body.contains("\u{1B}]52;c;") == true)
            #expect(document?.body.contains("\u{9B}") == true)
            #expect(document?.body.contains("\u{202E}") == true)
        }
    }

    @Test func aRefreshTokenRotatesAndUserinfoAnswersTheAccessToken() async throws {
        try await withSandbox { http in
            let flow = TTIFlow(http: http)
            let verifier = TTIFlow.newVerifier()
            let tokens = try await flow.redeem(code: try await flow.code(for: "grace@northwind.example", verifier: verifier), verifier: verifier)
            let refresh = try #require(tokens.json?["refresh_token"]?.stringValue)
            let access = try #require(tokens.json?["access_token"]?.stringValue)
            let form = [("content-type", "application/x-www-form-urlencoded")]
            let body = Array(FormBody.encode([("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", "qseek-demo")]).utf8)
            let refreshed = try await http.send("POST", "/idp/token", headers: form, body: body)
            #expect(refreshed.json?["id_token"]?.stringValue != nil)
            let reused = try await http.send("POST", "/idp/token", headers: form, body: body)
            #expect(reused.json?["error"] == "invalid_grant")
            let info = try await http.send("GET", "/idp/userinfo", headers: [("authorization", "Bearer \(access)")])
            #expect(info.json?["email"] == "grace@northwind.example")
            let revoke = try await http.send("POST", "/idp/revoke", headers: form,
                                             body: Array(FormBody.encode([("token", access), ("client_id", "qseek-demo")]).utf8))
            #expect(revoke.status == 200)
            let after = try await http.send("GET", "/idp/userinfo", headers: [("authorization", "Bearer \(access)")])
            #expect(after.status == 401)
        }
    }

    @Test func aDropFaultClosesTheConnectionWithoutAnAnswer() async throws {
        var options = SandboxOptions()
        options.faults = try FaultPlan.parse("drop=1")
        try await withSandbox(options) { http in
            await #expect(throws: (any Error).self) {
                _ = try await http.sts([("Action", "GetCallerIdentity"), ("Version", "2011-06-15")])
            }
            let jwks = try await http.send("GET", "/idp/jwks")
            #expect(jwks.status == 200)
        }
    }

    @Test func aNonLoopbackHostIsRefusedAtStart() async {
        await #expect(throws: SandboxStartError.self) { _ = try await SandboxServer.start(SandboxOptions(host: "0.0.0.0")) }
    }
}
