import Accessor
import Assistant
import Foundation
import History
import SandboxTestSupport
import Testing
@testable import LiveServices

/// `qseek ask` keeps its answer as a one-turn conversation under the user the search ran as.
@Suite("ask's history", .serialized)
struct AskedTurnTests {
    static let passage = Passage(rank: 1, documentID: "doc-1", title: "Incident response", uri: nil,
                                 content: "Page the on-call engineer.", confidence: .high, attributes: [])

    static func turn(tenant: String) -> AskedTurn {
        AskedTurn(question: "incident response", answer: "Page the on-call engineer [1].", model: "m", askedAt: Date(timeIntervalSince1970: 1_800_000_000),
                  citations: [Citation(passage)], passages: [passage], tenant: tenant)
    }

    @Test func theTurnIsKeptUnderTheSignedInUserAndTheTenant() async throws {
        try await SandboxSetup.run { setup in
            let tokens = try await setup.signIn("alice@acme.example")
            let environment = try setup.appEnvironment { $0.history.mode = .full }
            let warning = try await environment.record(Self.turn(tenant: "T0100ACME"),
                                                       processEnvironment: setup.environment)
            await environment.shutdown()
            #expect(warning == nil)
            let store = try HistoryStore(path: HistoryStore.defaultPath(environment: setup.environment), mode: .full)
            let owner = HistoryOwner(user: tokens.claims.subject, tenant: "T0100ACME")
            let listed = try store.list(owner: owner)
            #expect(listed.map(\.id) == ["1800000000000-ask"])
            let stored = try #require(try store.conversation("1800000000000-ask", owner: owner))
            #expect(stored.turns.first?.citations.first?.text == "Page the on-call engineer.")
            #expect(try store.list(owner: HistoryOwner(user: tokens.claims.subject, tenant: "T0200NWND")).isEmpty)
        }
    }

    @Test func historyOffKeepsNothing() async throws {
        try await SandboxSetup.run { setup in
            let environment = try setup.appEnvironment { $0.history.mode = .off }
            let warning = try await environment.record(Self.turn(tenant: "T0100ACME"),
                                                       processEnvironment: setup.environment)
            await environment.shutdown()
            #expect(warning == nil)
            #expect(!FileManager.default.fileExists(atPath: HistoryStore.defaultPath(environment: setup.environment)))
        }
    }
}
