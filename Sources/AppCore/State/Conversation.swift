import Accessor
import Assistant
/// The chat pane: one turn per question.
public struct Conversation: Sendable, Equatable {
    public var turns: [Turn] = []
    /// Lines scrolled up from the bottom.
    public var scrollOffset = 0

    public struct Turn: Sendable, Equatable {
        public var question: String
        /// The query text actually sent (filters removed).
        public var queryText: String
        public var queryID: QueryID
        public var status: Status
        public var answer: String = ""

        public enum Status: Sendable, Equatable {
            case searching
            case retrieved(count: Int)
            case failed(String)
            case cancelled
        }
    }

    public var current: Turn? { turns.last }
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
