import Foundation
import Testing
@testable import History

@Suite("History in SQLite, per user and tenant, by mode")
struct HistoryStoreTests {
    let owner = HistoryOwner(user: "u-ana", tenant: "T0123ACME")

    func temporaryPath() -> String {
        NSTemporaryDirectory() + "qseek-history-\(UUID().uuidString)/state/history.sqlite"
    }

    func turn(_ question: String, at seconds: TimeInterval = 1_800_000_000) -> HistoryTurn {
        HistoryTurn(question: question, answer: "Book early [1].", model: "sandbox.extractive-v1",
                    askedAt: Date(timeIntervalSince1970: seconds), answeredAt: Date(timeIntervalSince1970: seconds + 2),
                    citations: [HistoryCitation(number: 1, documentID: "doc-1", title: "Travel policy",
                                                uri: "https://wiki/1", text: "SECRET-PASSAGE-TEXT")])
    }

    @Test("Metadata mode keeps questions, answers and citation metadata, but not passage text")
    func metadataMode() throws {
        let path = temporaryPath()
        let store = try HistoryStore(path: path, mode: .metadata)
        try store.record(turn("travel policy"), conversation: "c1", owner: owner)
        try store.record(turn("and hotels?", at: 1_800_000_100), conversation: "c1", owner: owner)
        let stored = try #require(try store.conversation("c1", owner: owner))
        #expect(stored.summary.title == "travel policy")
        #expect(stored.summary.turnCount == 2)
        #expect(stored.turns.map(\.question) == ["travel policy", "and hotels?"])
        #expect(stored.turns[0].citations == [HistoryCitation(number: 1, documentID: "doc-1", title: "Travel policy", uri: "https://wiki/1")])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.range(of: Data("SECRET-PASSAGE-TEXT".utf8)) == nil)
    }

    @Test("A stopped answer is kept as stopped; finished ones are not")
    func stoppedAnswers() throws {
        let store = try HistoryStore(path: temporaryPath(), mode: .metadata)
        var stopped = turn("travel policy")
        stopped.wasStopped = true
        try store.record(stopped, conversation: "c1", owner: owner)
        try store.record(turn("and hotels?", at: 1_800_000_100), conversation: "c1", owner: owner)
        let turns = try #require(try store.conversation("c1", owner: owner)).turns
        #expect(turns.map(\.wasStopped) == [true, false])
    }

    @Test("Full mode also keeps the passage text")
    func fullMode() throws {
        let store = try HistoryStore(path: temporaryPath(), mode: .full)
        try store.record(turn("travel policy"), conversation: "c1", owner: owner)
        #expect(try store.conversation("c1", owner: owner)?.turns.first?.citations.first?.text == "SECRET-PASSAGE-TEXT")
    }

    @Test("Off mode stores nothing and creates no file")
    func offMode() throws {
        let path = temporaryPath()
        let store = try HistoryStore(path: path, mode: .off)
        try store.record(turn("travel policy"), conversation: "c1", owner: owner)
        #expect(try store.list(owner: owner).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("The file is 0600 in a 0700 directory")
    func permissions() throws {
        let path = temporaryPath()
        _ = try HistoryStore(path: path, mode: .metadata)
        let file = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let directory = try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)[.posixPermissions] as? Int
        #expect(file == 0o600)
        #expect(directory == 0o700)
    }

    @Test("Another user or tenant sees none of it; delete removes one conversation with its turns")
    func isolationAndDelete() throws {
        let store = try HistoryStore(path: temporaryPath(), mode: .metadata)
        try store.record(turn("first"), conversation: "c1", owner: owner)
        try store.record(turn("second", at: 1_800_000_500), conversation: "c2", owner: owner)
        #expect(try store.list(owner: owner).map(\.id) == ["c2", "c1"])
        #expect(try store.list(owner: HistoryOwner(user: "u-ben", tenant: "T0123ACME")).isEmpty)
        #expect(try store.conversation("c1", owner: HistoryOwner(user: "u-ana", tenant: "OTHER")) == nil)
        #expect(try store.delete("c1", owner: HistoryOwner(user: "u-ben", tenant: "T0123ACME")) == false)
        #expect(try store.delete("c1", owner: owner))
        #expect(try store.list(owner: owner).map(\.id) == ["c2"])
        #expect(try store.conversation("c1", owner: owner) == nil)
    }

    @Test("A history that cannot be created is a HistoryError in words, not a crash")
    func unwritable() throws {
        let directory = NSTemporaryDirectory() + "qseek-history-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: directory + "/qseek", contents: Data("not a directory".utf8)))
        #expect(throws: HistoryError.self) { try HistoryStore(path: directory + "/qseek/history.sqlite", mode: .metadata) }
    }

    @Test("Reopening the file finds what was stored")
    func persists() throws {
        let path = temporaryPath()
        try HistoryStore(path: path, mode: .metadata).record(turn("travel policy"), conversation: "c1", owner: owner)
        #expect(try HistoryStore(path: path, mode: .metadata).list(owner: owner).map(\.title) == ["travel policy"])
    }
}
