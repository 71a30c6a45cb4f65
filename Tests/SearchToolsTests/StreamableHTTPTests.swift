import Foundation
import HTTP
import Sandbox
import Testing
@testable import SearchTools

/// `qseek mcp --http` in process: every request's bearer token verified, each user's passages
/// their own, and the RFC 9728 answer for everyone else.
@Suite(.timeLimit(.minutes(2)))
struct StreamableHTTPTests {
    struct Answer {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: String
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
        /// The JSON-RPC message of a JSON answer, or the last `data:` line of an SSE answer.
        var message: [String: Any]? {
            let json = body.hasPrefix("{") ? body
                : body.split(separator: "\n").last { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) } ?? ""
            return try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        }
        var passages: [[String: Any]] {
            (((message?["result"] as? [String: Any])?["structuredContent"] as? [String: Any])?["passages"] as? [[String: Any]]) ?? []
        }
    }

    func withServer(_ options: SandboxOptions = SandboxOptions(), audience: String? = nil,
                    _ body: (ToolsSetup, RunningMCPServer) async throws -> Void) async throws {
        try await ToolsSetup.run(options, audience: audience) { setup in
            let server = try await StreamableHTTPServer.start(.init(), tools: setup.tools, verifier: setup.verifier,
                                                              directory: setup.directory)
            do {
                try await body(setup, server)
            } catch {
                await server.shutdown()
                throw error
            }
            await server.shutdown()
        }
    }

    func post(_ server: RunningMCPServer, token: String?, _ message: String, accept: String = "application/json, text/event-stream") async throws -> Answer {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json"), ("Accept", accept)]
        if let token { headers.append(("Authorization", "Bearer " + token)) }
        let response = try await AsyncHTTPTransport.shared.send(
            HTTPRequest(method: "POST", url: server.resource, headers: headers, body: Array(message.utf8)), timeout: .seconds(60))
        return Answer(status: response.statusCode, headers: response.headers, body: String(decoding: response.body, as: UTF8.self))
    }

    static func search(_ query: String, id: Int = 1, progress: Bool = false) -> String {
        let meta = progress ? #", "_meta": {"progressToken": "p"}"# : ""
        return #"{"jsonrpc": "2.0", "id": \#(id), "method": "tools/call", "params": {"name": "search", "arguments": {"query": "\#(query)", "max_results": 5, "pages": 2}\#(meta)}}"#
    }

    @Test func twoUsersGetOnlyTheirOwnPassages() async throws {
        try await withServer { setup, server in
            var seen: [String: Set<String>] = [:]
            for (email, query) in [("alice@acme.example", "runbook pricing"), ("bob@acme.example", "runbook pricing"),
                                   ("erin@northwind.example", "policy")] {
                let answer = try await post(server, token: try await setup.idToken(email), Self.search(query), accept: "application/json")
                #expect(answer.status == 200)
                #expect(answer.header("Content-Type") == "application/json")
                let ids = Set(answer.passages.compactMap { $0["documentId"] as? String })
                let tenant = email.hasSuffix("northwind.example") ? "T0200NWND" : "T0100ACME"
                let corpusTenant = try #require(await setup.sandbox.loadedCorpus.tenant(id: tenant))
                let groups = Set(corpusTenant.members.first { $0.email == email }?.groups ?? [])
                let readable = Set(corpusTenant.documents.filter { $0.isReadable(byEmail: email, groups: groups) }.map(\.id))
                #expect(!ids.isEmpty && ids.isSubset(of: readable), "\(email): \(ids)")
                seen[email] = ids
            }
            #expect(seen["alice@acme.example"] != seen["bob@acme.example"])
            #expect(await setup.directory.count == 3)
        }
    }

    @Test func sseCarriesProgressThenTheResult() async throws {
        try await withServer { setup, server in
            let answer = try await post(server, token: try await setup.idToken("alice@acme.example"), Self.search("policy", progress: true))
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type") == "text/event-stream")
            let events = answer.body.split(separator: "\n").filter { $0.hasPrefix("data: ") }
            #expect(events.count >= 2)
            #expect(events.first?.contains("notifications/progress") == true)
            #expect(answer.passages.count > 0)
        }
    }

    @Test func initializeAndListWork() async throws {
        try await withServer { setup, server in
            let token = try await setup.idToken("alice@acme.example")
            let initialize = try await post(server, token: token, #"{"jsonrpc": "2.0", "id": "i", "method": "initialize", "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}}"#)
            #expect(((initialize.message?["result"] as? [String: Any])?["serverInfo"] as? [String: Any])?["name"] as? String == "qseek")
            let list = try await post(server, token: token, #"{"jsonrpc": "2.0", "id": 2, "method": "tools/list"}"#)
            let names = (((list.message?["result"] as? [String: Any])?["tools"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
            #expect(Set(names) == ["search", "list_tenants", "whoami"])
            let note = try await post(server, token: token, #"{"jsonrpc": "2.0", "method": "notifications/initialized"}"#)
            #expect(note.status == 202)
        }
    }

    @Test func missingAndForgedTokensGet401WithTheMetadataURL() async throws {
        try await withServer { setup, server in
            let none = try await post(server, token: nil, Self.search("x"))
            #expect(none.status == 401)
            let metadataURL = server.baseURL + "/.well-known/oauth-protected-resource/mcp"
            #expect(none.header("WWW-Authenticate") == "Bearer resource_metadata=\"\(metadataURL)\"")

            let token = try await setup.idToken("alice@acme.example")
            var parts = token.split(separator: ".").map(String.init)
            // Bob's subject under Alice's signature.
            var payload = try #require(try JSONSerialization.jsonObject(with: Data(Base64URL.decode(parts[1]) ?? [])) as? [String: Any])
            payload["sub"] = "u-bob"
            parts[1] = Base64URL.encode(try JSONSerialization.data(withJSONObject: payload))
            let forged = try await post(server, token: parts.joined(separator: "."), Self.search("x"))
            #expect(forged.status == 401)
            #expect(forged.header("WWW-Authenticate")?.contains("error=\"invalid_token\"") == true)
            #expect(forged.header("WWW-Authenticate")?.contains("resource_metadata=") == true)
            #expect(!forged.body.contains(parts[2]))

            let metadata = try await AsyncHTTPTransport.shared.send(HTTPRequest(method: "GET", url: metadataURL), timeout: .seconds(10))
            let document = try #require(try JSONSerialization.jsonObject(with: Data(metadata.body)) as? [String: Any])
            #expect(document["resource"] as? String == server.resource)
            #expect(document["authorization_servers"] as? [String] == [setup.sandbox.issuer])
        }
    }

    @Test func aTokenForAnotherAudienceGets401() async throws {
        try await withServer(audience: "another-application") { setup, server in
            let answer = try await post(server, token: try await setup.idToken("alice@acme.example"), Self.search("x"))
            #expect(answer.status == 401)
            #expect(answer.body.contains("another audience"))
        }
    }

    @Test func anExpiredTokenGets401() async throws {
        let verifier = { (setup: ToolsSetup) in
            BearerVerifier(issuer: setup.sandbox.issuer, audience: setup.sandbox.corpus.clientID, clockSkew: 0, transport: AsyncHTTPTransport.shared)
        }
        try await ToolsSetup.run { setup in
            let token = try await setup.idToken("alice@acme.example")
            // An hour and a minute on: the sandbox's tokens live an hour.
            await #expect(throws: BearerRefusal.invalidToken("the token has expired")) {
                _ = try await verifier(setup).verify(token, now: Date().addingTimeInterval(3660))
            }
            _ = try await verifier(setup).verify(token)
        }
    }

    @Test func cancellationEndsOnlyThatUsersRequest() async throws {
        // Every AWS call takes 200 ms, so each search is in flight for a second or more.
        var faults = FaultPlan()
        faults.latency = 200...200
        try await withServer(SandboxOptions(faults: faults)) { setup, server in
            let alice = try await setup.idToken("alice@acme.example")
            let bob = try await setup.idToken("bob@acme.example")
            // Both use request id 1; Bob cancels his until it ends. Alice's must not notice.
            async let aliceAnswer = post(server, token: alice, Self.search("policy", id: 1), accept: "application/json")
            let bobDone = Flag()
            let bobCall = Task {
                let answer = try await post(server, token: bob, Self.search("policy", id: 1), accept: "application/json")
                await bobDone.set()
                return answer
            }
            let cancel = #"{"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 1, "reason": "test"}}"#
            var cancels = 0
            while cancels < 200 {
                #expect(try await post(server, token: bob, cancel).status == 202)
                cancels += 1
                try await Task.sleep(for: .milliseconds(50))
                if await bobDone.isSet { break }
            }
            let bobAnswer = try await bobCall.value
            #expect(bobAnswer.status == 202, "Bob's cancelled search answered \(bobAnswer.status)")
            #expect(bobAnswer.passages.isEmpty)
            let aliceResult = try await aliceAnswer
            #expect(aliceResult.status == 200)
            #expect(!aliceResult.passages.isEmpty)
        }
    }

    actor Flag {
        private(set) var isSet = false
        func set() { isSet = true }
    }
}
