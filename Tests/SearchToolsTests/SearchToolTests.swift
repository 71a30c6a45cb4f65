import Accessor
import Foundation
import MCP
import Sandbox
import Testing
@testable import SearchTools

/// The tools against the sandbox, each user through their own verified ID token.
@Suite(.timeLimit(.minutes(2)))
struct SearchToolTests {
    /// The documents `email` may read in `tenantID`, by the sandbox corpus's ACLs.
    func readable(by email: String, in tenantID: String, of sandbox: RunningSandbox) async -> Set<String> {
        guard let tenant = await sandbox.loadedCorpus.tenant(id: tenantID),
              let member = tenant.members.first(where: { $0.email == email }) else { return [] }
        return Set(tenant.documents.filter { $0.isReadable(byEmail: email, groups: Set(member.groups)) }.map(\.id))
    }

    @Test func searchNumbersPassagesAndReturnsOnlyWhatEachUserMayRead() async throws {
        try await ToolsSetup.run { setup in
            var seen: [String: Set<String>] = [:]
            for email in ["alice@acme.example", "bob@acme.example"] {
                let calls = try await setup.calls(for: email)
                let result = try await calls.call(.init(name: "search", arguments: ["query": "runbook pricing"])) { _ in }
                #expect(result.isError != true, "\(result.text)")
                let passages = result.passages
                try #require(!passages.isEmpty)
                #expect(passages.map { $0["number"]?.intValue } == Array(1...passages.count).map { Optional($0) })
                let ids = Set(passages.compactMap { $0["documentId"]?.stringValue })
                let readable = await readable(by: email, in: "T0100ACME", of: setup.sandbox)
                #expect(ids.isSubset(of: readable), "\(email) got \(ids)")
                for passage in passages {
                    #expect(passage["title"]?.stringValue?.isEmpty == false)
                    #expect(passage["text"]?.stringValue?.isEmpty == false)
                    #expect(["VERY_HIGH", "HIGH", "MEDIUM", "LOW", "NOT_AVAILABLE"].contains(passage["confidence"]?.stringValue ?? ""))
                }
                #expect(result.structuredContent?.objectValue?["tenant"]?.objectValue?["id"]?.stringValue == "T0100ACME")
                #expect(result.text.contains("[1] "))
                seen[email] = ids
            }
            #expect(seen["alice@acme.example"] != seen["bob@acme.example"])
        }
    }

    @Test func filtersUseTheSameLanguageAsTheTUI() async throws {
        try await ToolsSetup.run { setup in
            let calls = try await setup.calls(for: "alice@acme.example")
            let result = try await calls.call(.init(name: "search", arguments: [
                "query": "failover", "filters": "@category=runbook", "max_results": 10, "pages": 1,
            ])) { _ in }
            #expect(result.isError != true, "\(result.text)")
            let ids = result.passages.compactMap { $0["documentId"]?.stringValue }
            #expect(!ids.isEmpty)
            let documents = await setup.sandbox.loadedCorpus.tenant(id: "T0100ACME")!.documents
            for id in ids {
                let category = documents.first { $0.id == id }?.attributes["_category"]
                #expect("\(String(describing: category))".contains("runbook"), "\(id) is not a runbook")
            }
            let bad = try await calls.call(.init(name: "search", arguments: ["query": "x", "filters": "@after=yesterday"])) { _ in }
            #expect(bad.isError == true)
            #expect(bad.text.contains("@after"))
        }
    }

    @Test func tenantIsOptionalOnlyWithOneTenant() async throws {
        try await ToolsSetup.run { setup in
            let priya = try await setup.calls(for: "priya@consult.example")
            let ambiguous = try await priya.call(.init(name: "search", arguments: ["query": "policy"])) { _ in }
            #expect(ambiguous.isError == true)
            #expect(ambiguous.text.contains("T0100ACME") && ambiguous.text.contains("T0200NWND"))
            let northwind = try await priya.call(.init(name: "search", arguments: ["query": "policy", "tenant": "T0200NWND"])) { _ in }
            #expect(northwind.isError != true, "\(northwind.text)")
            #expect(northwind.structuredContent?.objectValue?["tenant"]?.objectValue?["id"]?.stringValue == "T0200NWND")

            let alice = try await setup.calls(for: "alice@acme.example")
            let foreign = try await alice.call(.init(name: "search", arguments: ["query": "policy", "tenant": "T0200NWND"])) { _ in }
            #expect(foreign.isError == true)
            #expect(foreign.text.contains("no tenant T0200NWND"))
            let tenants = try await alice.call(.init(name: "list_tenants", arguments: [:])) { _ in }
            #expect(tenants.structuredContent?.objectValue?["tenants"]?.arrayValue?.compactMap { $0.objectValue?["id"]?.stringValue } == ["T0100ACME"])
        }
    }

    @Test func whoamiShowsClaimsAndNoToken() async throws {
        try await ToolsSetup.run { setup in
            let token = try await setup.idToken("erin@northwind.example")
            let user = await setup.directory.user(for: try await setup.verifier.verify(token))
            let calls = ToolCalls(settings: setup.tools.settings, user: { user }, logger: setup.tools.logger)
            let result = try await calls.call(.init(name: "whoami", arguments: [:])) { _ in }
            let identity = result.structuredContent?.objectValue
            #expect(identity?["email"]?.stringValue == "erin@northwind.example")
            #expect(identity?["issuer"]?.stringValue == setup.sandbox.issuer)
            let signature = String(token.split(separator: ".")[2])
            #expect(!result.text.contains(signature))
            #expect(!"\(result)".contains(signature))
        }
    }

    @Test func progressArrivesPerPage() async throws {
        try await ToolsSetup.run { setup in
            let calls = try await setup.calls(for: "alice@acme.example")
            let progress = Progress()
            let meta = Metadata(progressToken: .string("p1"))
            let result = try await calls.call(.init(name: "search", arguments: ["query": "policy", "max_results": 3, "pages": 3], meta: meta)) {
                await progress.add($0.params)
            }
            #expect(result.isError != true)
            let reports = await progress.reports
            #expect(reports.count == (result.structuredContent?.objectValue?["pages"]?.intValue ?? -1))
            #expect(reports.map(\.progress) == Array(1...max(1, reports.count)).map(Double.init))
            #expect(reports.allSatisfy { $0.total == 3 && $0.progressToken == .string("p1") })
        }
    }

    @Test func cancellationStopsTheSearchWithoutAResult() async throws {
        try await ToolsSetup.run { setup in
            let calls = try await setup.calls(for: "alice@acme.example")
            let meta = Metadata(progressToken: .integer(7))
            let pagesSeen = Progress()
            let call = Task {
                try await calls.call(.init(name: "search", arguments: ["query": "policy", "max_results": 2, "pages": 5], meta: meta)) {
                    await pagesSeen.add($0.params)
                    // The client cancels as soon as the first page is reported.
                    withUnsafeCurrentTask { $0?.cancel() }
                }
            }
            await #expect(throws: CancellationError.self) { _ = try await call.value }
            #expect(await pagesSeen.reports.count == 1)
        }
    }

    @Test func answerPromptIsTheTUIsPromptOverTheUsersPassages() async throws {
        try await ToolsSetup.run { setup in
            let calls = try await setup.calls(for: "alice@acme.example")
            let prompt = try await calls.prompt(.init(name: "answer_with_citations", arguments: ["question": "how do we fail over the database"]))
            guard case .text(let text)? = prompt.messages.first?.content else {
                Issue.record("no text message")
                return
            }
            #expect(text.contains("how do we fail over the database"))
            #expect(text.contains("[1]"))
            #expect(text.contains("Cite every statement"))
            await #expect(throws: MCPError.self) {
                _ = try await calls.prompt(.init(name: "answer_with_citations", arguments: [:]))
            }
        }
    }

    @Test func argumentsAreChecked() {
        let settings = SearchToolsSettings(maxResults: 5, maxPages: 2)
        #expect(throws: SearchToolsError.self) { try SearchRequest(arguments: [:], defaults: settings) }
        #expect(throws: SearchToolsError.self) { try SearchRequest(arguments: ["query": "x", "max_results": 101], defaults: settings) }
        #expect(throws: SearchToolsError.self) { try SearchRequest(arguments: ["query": "x", "pages": "two"], defaults: settings) }
        #expect(throws: SearchToolsError.self) { try SearchRequest(arguments: ["query": "x", "limit": 3], defaults: settings) }
        let request = try? SearchRequest(arguments: ["query": " x ", "max_results": 7.0], defaults: settings)
        #expect(request?.query == "x" && request?.maxResults == 7 && request?.pages == 2)
    }
}

/// Progress notifications a call sent, in order.
actor Progress {
    private(set) var reports: [ProgressNotification.Parameters] = []
    func add(_ report: ProgressNotification.Parameters) { reports.append(report) }
}
