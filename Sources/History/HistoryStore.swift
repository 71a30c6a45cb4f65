import Foundation
import GRDB

/// Past conversations in SQLite (`$XDG_STATE_HOME/qseek/history.sqlite`; directory 0700, file
/// 0600), per (user, tenant). Stores questions, answers, the model, timestamps and citation
/// metadata; passage text only in `full` mode; in `off` mode nothing, not even the file.
/// Tokens and credentials are never handed to it.
public final class HistoryStore: Sendable {
    public let mode: HistoryMode
    private let database: DatabaseQueue?

    public init(path: String, mode: HistoryMode) throws(HistoryError) {
        self.mode = mode
        guard mode != .off else {
            database = nil
            return
        }
        let file = URL(fileURLWithPath: path)
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
                                        attributes: [.posixPermissions: 0o700])
            try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: file.deletingLastPathComponent().path)
            if !manager.fileExists(atPath: path) {
                // Created 0600 before SQLite opens it, so it is never readable by others.
                guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw HistoryError("cannot create \(path)")
                }
            }
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            let database = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
            self.database = database
        } catch let error as HistoryError {
            throw error
        } catch {
            throw HistoryError("cannot open \(path) (\(Self.describe(error))).")
        }
    }

    /// `$XDG_STATE_HOME/qseek/history.sqlite`, default `~/.local/state/qseek/history.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/qseek/history.sqlite"
        }
        return (environment["HOME"] ?? NSTemporaryDirectory()) + "/.local/state/qseek/history.sqlite"
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE conversation (
                    id TEXT NOT NULL,
                    user TEXT NOT NULL,
                    tenant TEXT NOT NULL,
                    title TEXT NOT NULL,
                    created_at DOUBLE NOT NULL,
                    updated_at DOUBLE NOT NULL,
                    PRIMARY KEY (user, tenant, id)
                );
                CREATE TABLE turn (
                    user TEXT NOT NULL,
                    tenant TEXT NOT NULL,
                    conversation_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    question TEXT NOT NULL,
                    answer TEXT NOT NULL,
                    model TEXT,
                    asked_at DOUBLE NOT NULL,
                    answered_at DOUBLE NOT NULL,
                    citations TEXT NOT NULL,
                    PRIMARY KEY (user, tenant, conversation_id, position),
                    FOREIGN KEY (user, tenant, conversation_id) REFERENCES conversation (user, tenant, id) ON DELETE CASCADE
                );
                """)
        }
        migrator.registerMigration("v2: stopped answers") { db in
            try db.execute(sql: "ALTER TABLE turn ADD COLUMN stopped INTEGER NOT NULL DEFAULT 0")
        }
        return migrator
    }

    /// Appends a turn to conversation `id` (created with the turn's question as its title).
    public func record(_ turn: HistoryTurn, conversation id: String, owner: HistoryOwner) throws(HistoryError) {
        guard let database else { return }
        var citations = turn.citations
        if mode != .full {
            for index in citations.indices { citations[index].text = nil }
        }
        let json: String
        do {
            json = String(decoding: try JSONEncoder().encode(citations), as: UTF8.self)
        } catch {
            throw HistoryError("cannot encode the citations.")
        }
        try perform {
            try database.write { db in
                try db.execute(sql: """
                    INSERT INTO conversation (id, user, tenant, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (user, tenant, id) DO UPDATE SET updated_at = excluded.updated_at
                    """, arguments: [id, owner.user, owner.tenant, turn.question, turn.askedAt.timeIntervalSince1970,
                                     turn.answeredAt.timeIntervalSince1970])
                let position = try Int.fetchOne(db, sql: """
                    SELECT COALESCE(MAX(position), -1) + 1 FROM turn WHERE user = ? AND tenant = ? AND conversation_id = ?
                    """, arguments: [owner.user, owner.tenant, id]) ?? 0
                try db.execute(sql: """
                    INSERT INTO turn (user, tenant, conversation_id, position, question, answer, model, asked_at, answered_at,
                                      citations, stopped)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [owner.user, owner.tenant, id, position, turn.question, turn.answer, turn.model,
                                     turn.askedAt.timeIntervalSince1970, turn.answeredAt.timeIntervalSince1970, json,
                                     turn.wasStopped])
            }
        }
    }

    /// The owner's conversations, most recently updated first.
    public func list(owner: HistoryOwner) throws(HistoryError) -> [ConversationSummary] {
        guard let database else { return [] }
        return try perform {
            try database.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT c.id, c.title, c.created_at, c.updated_at,
                           (SELECT COUNT(*) FROM turn t WHERE t.user = c.user AND t.tenant = c.tenant AND t.conversation_id = c.id) AS turns
                    FROM conversation c WHERE c.user = ? AND c.tenant = ? ORDER BY c.updated_at DESC, c.id DESC
                    """, arguments: [owner.user, owner.tenant]).map(Self.summary)
            }
        }
    }

    /// One conversation of the owner's, with its turns; nil when there is none with that id
    /// (or it belongs to someone else).
    public func conversation(_ id: String, owner: HistoryOwner) throws(HistoryError) -> StoredConversation? {
        guard let database else { return nil }
        return try perform {
            try database.read { db -> StoredConversation? in
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT c.id, c.title, c.created_at, c.updated_at,
                           (SELECT COUNT(*) FROM turn t WHERE t.user = c.user AND t.tenant = c.tenant AND t.conversation_id = c.id) AS turns
                    FROM conversation c WHERE c.user = ? AND c.tenant = ? AND c.id = ?
                    """, arguments: [owner.user, owner.tenant, id]) else { return nil }
                let turns = try Row.fetchAll(db, sql: """
                    SELECT question, answer, model, asked_at, answered_at, citations, stopped FROM turn
                    WHERE user = ? AND tenant = ? AND conversation_id = ? ORDER BY position
                    """, arguments: [owner.user, owner.tenant, id]).map { row in
                    let json: String = row["citations"]
                    let citations = (try? JSONDecoder().decode([HistoryCitation].self, from: Data(json.utf8))) ?? []
                    return HistoryTurn(question: row["question"], answer: row["answer"], model: row["model"],
                                       askedAt: Date(timeIntervalSince1970: row["asked_at"]),
                                       answeredAt: Date(timeIntervalSince1970: row["answered_at"]), citations: citations,
                                       wasStopped: row["stopped"])
                }
                return StoredConversation(summary: Self.summary(row), turns: turns)
            }
        }
    }

    /// Deletes one conversation of the owner's; returns whether there was one.
    @discardableResult
    public func delete(_ id: String, owner: HistoryOwner) throws(HistoryError) -> Bool {
        guard let database else { return false }
        return try perform {
            try database.write { db in
                try db.execute(sql: "DELETE FROM conversation WHERE user = ? AND tenant = ? AND id = ?",
                               arguments: [owner.user, owner.tenant, id])
                return db.changesCount > 0
            }
        }
    }

    private static func summary(_ row: Row) -> ConversationSummary {
        ConversationSummary(id: row["id"], title: row["title"], turnCount: row["turns"],
                            createdAt: Date(timeIntervalSince1970: row["created_at"]),
                            updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
    }

    private func perform<T>(_ body: () throws -> T) throws(HistoryError) -> T {
        do {
            return try body()
        } catch {
            throw HistoryError(Self.describe(error))
        }
    }

    /// SQLite's own words (result code and message); never the statement's arguments.
    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")"
        }
        if let error = error as? CocoaError {
            return error.localizedDescription
        }
        return "\(type(of: error))"
    }
}
