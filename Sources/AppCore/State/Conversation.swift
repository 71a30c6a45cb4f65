import Accessor
import Assistant
import Foundation

/// The chat pane: one turn per question.
public struct Conversation: Sendable, Equatable {
    public var turns: [Turn] = []
    /// Lines scrolled up from the bottom.
    public var scrollOffset = 0

    public struct Turn: Sendable, Equatable {
        public var question: String
        /// The question without its filters: what the prompt asks.
        public var queryText: String
        /// The text actually searched for: the question, or for a follow-up the question with
        /// the previous search's content words (shown in the chat when it differs).
        public var searchText: String
        public var queryID: QueryID
        public var status: Status
        /// The answer as it streams in, with its finished Markdown blocks parsed once.
        public var streamed = StreamedAnswer()
        public var answerStatus: AnswerStatus = .notAsked
        /// The passages of the prompt the model was asked with: what `[n]` in the answer means.
        public var citations: [Citation] = []
        /// The model that answered, and what it cost.
        public var model: String?
        public var usage: ModelUsage?
        /// Wall-clock milliseconds from asking to the last event.
        public var latencyMilliseconds: Int?
        public var askedAt: Date?

        public var answer: String { streamed.text }

        /// The answer failed after some of it arrived: history keeps it as cut off.
        public var answerWasCut: Bool {
            if case .failed = answerStatus { return !answer.isEmpty }
            return false
        }

        /// The citation of passage `number` in this turn, if the prompt had it.
        public func citation(_ number: Int) -> Citation? { citations.first { $0.number == number } }

        public init(question: String, queryText: String, searchText: String? = nil, queryID: QueryID, status: Status) {
            self.question = question
            self.queryText = queryText
            self.searchText = searchText ?? queryText
            self.queryID = queryID
            self.status = status
        }

        public enum Status: Sendable, Equatable {
            case searching
            case retrieved(count: Int)
            case failed(String)
            case cancelled
        }
    }

    public var current: Turn? { turns.last }
    /// The highlighted `[n]` of the current turn's answer (cycled with `c` in the chat pane).
    public var selectedCitation: Int?
    /// Names this conversation in the history; nil until its first turn is recorded.
    public var historyKey: String?
}

/// What became of the model's answer to a turn.
public enum AnswerStatus: Sendable, Equatable {
    /// No model is configured, or nothing was retrieved to ask about.
    case notAsked
    case streaming
    case finished(stopReason: String)
    case stopped
    case failed(String)

    public var isStreaming: Bool { self == .streaming }
}

/// The passages pane: what the current search returned, as it streams in.
public struct PassagesState: Sendable, Equatable {
    public var items: [Passage] = []
    /// The search they belong to; results of any other are dropped.
    public var queryID: QueryID?
    public var isSearching = false
    public var pagesReceived = 0
    public var selection = 0
    /// The rank of the passage shown in full.
    public var expanded: Int?
    public var error: String?
    /// Ranks the user excluded from the prompt.
    public var excluded: Set<Int> = []
    /// Whether an expired-credentials failure was already retried for this query.
    public var retriedAfterExpiry = false

    public var selected: Passage? { items.indices.contains(selection) ? items[selection] : nil }
}

/// The prompt pane: the assembled prompt for the current question.
public struct PromptState: Sendable, Equatable {
    /// Keeps each passage's token cost, so re-assembly on every page or toggle is cheap.
    public var assembler: PromptAssembler
    public var assembled: AssembledPrompt?
    public var scrollOffset = 0

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.assembler.template.source == rhs.assembler.template.source
            && lhs.assembler.budgetTokens == rhs.assembler.budgetTokens
            && lhs.assembled == rhs.assembled && lhs.scrollOffset == rhs.scrollOffset
    }
}

extension Conversation {
    /// The turns as an export or the history sees them.
    public var exported: [ConversationMarkdown.Turn] {
        turns.map { ConversationMarkdown.Turn(question: $0.question, answer: $0.answer, citations: $0.citations,
                                              model: $0.model, askedAt: $0.askedAt, wasStopped: $0.answerStatus == .stopped) }
    }
}
