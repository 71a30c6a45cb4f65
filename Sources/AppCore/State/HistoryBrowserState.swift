import Assistant
import Foundation

/// The history screen: the conversations of this user in this tenant.
public struct HistoryBrowserState: Sendable, Equatable {
    public var items: [HistoryListing] = []
    public var selection = 0
    public var isLoading = false
    public var error: String?

    public var selected: HistoryListing? { items.indices.contains(selection) ? items[selection] : nil }
}

/// A past conversation in the history list.
public struct HistoryListing: Sendable, Equatable {
    public var id: String
    /// Its first question.
    public var title: String
    public var turnCount: Int
    public var updatedAt: Date

    public init(id: String, title: String, turnCount: Int, updatedAt: Date) {
        self.id = id
        self.title = title
        self.turnCount = turnCount
        self.updatedAt = updatedAt
    }
}

/// A finished turn as the history keeps it (or gives it back to resume).
public struct RecordedTurn: Sendable, Equatable {
    public var question: String
    public var answer: String
    public var model: String?
    public var askedAt: Date
    public var answeredAt: Date
    public var citations: [Citation]
    /// Passage text by citation number; the history keeps it only in `full` mode.
    public var passageTexts: [Int: String]
    /// The user stopped the answer before the model finished it.
    public var wasStopped: Bool

    public init(question: String, answer: String, model: String?, askedAt: Date, answeredAt: Date,
                citations: [Citation], passageTexts: [Int: String] = [:], wasStopped: Bool = false) {
        self.question = question
        self.answer = answer
        self.model = model
        self.askedAt = askedAt
        self.answeredAt = answeredAt
        self.citations = citations
        self.passageTexts = passageTexts
        self.wasStopped = wasStopped
    }
}

/// Whose history: one user in one tenant.
public struct HistoryOwnerKey: Sendable, Hashable {
    public var user: String
    public var tenant: String

    public init(user: String, tenant: String) {
        self.user = user
        self.tenant = tenant
    }
}
