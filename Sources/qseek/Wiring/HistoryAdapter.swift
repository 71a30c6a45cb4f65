import AppCore
import Assistant
import Foundation
import History
import QseekConfiguration

/// The TUI's history: AppCore's records in the SQLite store.
struct HistoryAdapter: HistoryService {
    let store: HistoryStore

    /// The store `[history] mode` asks for, at `$XDG_STATE_HOME/qseek/history.sqlite`.
    static func store(for config: QseekConfig, environment: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) -> HistoryStore {
        let mode = HistoryMode(rawValue: config.history.mode.rawValue) ?? .metadata
        do {
            return try HistoryStore(path: HistoryStore.defaultPath(environment: environment), mode: mode)
        } catch {
            throw .unexpected(error.userMessage)
        }
    }

    func record(_ turn: RecordedTurn, conversation: String, owner: HistoryOwnerKey) async throws(Failure) {
        let citations = turn.citations.map {
            HistoryCitation(number: $0.number, documentID: $0.documentID, title: $0.title, uri: $0.uri, text: turn.passageTexts[$0.number])
        }
        let record = HistoryTurn(question: turn.question, answer: turn.answer, model: turn.model, askedAt: turn.askedAt,
                                 answeredAt: turn.answeredAt, citations: citations, wasStopped: turn.wasStopped)
        do {
            try store.record(record, conversation: conversation, owner: Self.owner(owner))
        } catch {
            throw Failure(.unexpected, error.userMessage)
        }
    }

    func list(owner: HistoryOwnerKey) async throws(Failure) -> [HistoryListing] {
        do {
            return try store.list(owner: Self.owner(owner)).map {
                HistoryListing(id: $0.id, title: $0.title, turnCount: $0.turnCount, updatedAt: $0.updatedAt)
            }
        } catch {
            throw Failure(.unexpected, error.userMessage)
        }
    }

    func load(_ conversation: String, owner: HistoryOwnerKey) async throws(Failure) -> [RecordedTurn] {
        let stored: StoredConversation?
        do {
            stored = try store.conversation(conversation, owner: Self.owner(owner))
        } catch {
            throw Failure(.unexpected, error.userMessage)
        }
        guard let stored else { throw Failure(.unexpected, "That conversation is no longer in the history.") }
        return stored.turns.map(Self.recorded)
    }

    func delete(_ conversation: String, owner: HistoryOwnerKey) async throws(Failure) {
        do {
            try store.delete(conversation, owner: Self.owner(owner))
        } catch {
            throw Failure(.unexpected, error.userMessage)
        }
    }

    static func owner(_ key: HistoryOwnerKey) -> HistoryOwner { HistoryOwner(user: key.user, tenant: key.tenant) }

    static func recorded(_ turn: HistoryTurn) -> RecordedTurn {
        var texts: [Int: String] = [:]
        for citation in turn.citations { texts[citation.number] = citation.text }
        return RecordedTurn(question: turn.question, answer: turn.answer, model: turn.model, askedAt: turn.askedAt,
                            answeredAt: turn.answeredAt, citations: turn.citations.map(Self.citation), passageTexts: texts,
                            wasStopped: turn.wasStopped)
    }

    static func citation(_ citation: HistoryCitation) -> Citation {
        Citation(number: citation.number, documentID: citation.documentID, title: citation.title, uri: citation.uri)
    }

    /// A stored conversation as the Markdown export renders it.
    static func exported(_ conversation: StoredConversation) -> [ConversationMarkdown.Turn] {
        conversation.turns.map {
            ConversationMarkdown.Turn(question: $0.question, answer: $0.answer, citations: $0.citations.map(citation),
                                      model: $0.model, askedAt: $0.askedAt, wasStopped: $0.wasStopped)
        }
    }
}
