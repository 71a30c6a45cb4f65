import Foundation

/// How much of a conversation the history keeps (`[history] mode`).
public enum HistoryMode: String, Sendable, CaseIterable {
    /// Nothing is stored; no database file is created.
    case off
    /// Questions, answers, the model, timestamps and citation metadata (document id, title, URI).
    case metadata
    /// Also the text of the cited passages.
    case full
}

/// Whose history: conversations of one user in one tenant are never shown to another.
public struct HistoryOwner: Sendable, Hashable {
    public var user: String
    public var tenant: String

    public init(user: String, tenant: String) {
        self.user = user
        self.tenant = tenant
    }
}

/// A passage an answer was grounded in, as history keeps it.
public struct HistoryCitation: Sendable, Equatable, Codable {
    public var number: Int
    public var documentID: String
    public var title: String
    public var uri: String?
    /// The passage text; kept only in `full` mode.
    public var text: String?

    public init(number: Int, documentID: String, title: String, uri: String?, text: String? = nil) {
        self.number = number
        self.documentID = documentID
        self.title = title
        self.uri = uri
        self.text = text
    }
}

/// One question and its answer.
public struct HistoryTurn: Sendable, Equatable {
    public var question: String
    public var answer: String
    public var model: String?
    public var askedAt: Date
    public var answeredAt: Date
    public var citations: [HistoryCitation]
    /// The user stopped the answer before the model finished it.
    public var wasStopped: Bool

    public init(question: String, answer: String, model: String?, askedAt: Date, answeredAt: Date, citations: [HistoryCitation],
                wasStopped: Bool = false) {
        self.question = question
        self.answer = answer
        self.model = model
        self.askedAt = askedAt
        self.answeredAt = answeredAt
        self.citations = citations
        self.wasStopped = wasStopped
    }
}

/// A conversation in a list: enough to choose one.
public struct ConversationSummary: Sendable, Equatable {
    public var id: String
    /// The first question.
    public var title: String
    public var turnCount: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, title: String, turnCount: Int, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.title = title
        self.turnCount = turnCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A conversation with all its turns, oldest first.
public struct StoredConversation: Sendable, Equatable {
    public var summary: ConversationSummary
    public var turns: [HistoryTurn]
}

/// Why the history could not be read or written, in words.
public struct HistoryError: Error, Sendable, Equatable {
    public var message: String
    public var userMessage: String { "History: \(message)" }

    public init(_ message: String) { self.message = message }
}
