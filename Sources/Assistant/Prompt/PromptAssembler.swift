import Accessor

/// The prompt a model gets for one question: the template, the passages the user kept, and
/// a token estimate against the budget.
public struct AssembledPrompt: Sendable, Equatable {
    public var text: String
    public var estimatedTokens: Int
    public var budgetTokens: Int
    /// Ranks of the passages in the prompt.
    public var included: [Int]
    /// Ranks left out to fit the budget (always the lowest-ranked).
    public var cut: [Int]
    /// Ranks the user excluded.
    public var excluded: [Int]

    public var isOverBudget: Bool { estimatedTokens > budgetTokens }
}

/// Builds `AssembledPrompt`s, cheaply enough to run on every streamed page and every
/// toggle: each passage's token cost is computed once and kept, so re-assembling costs one
/// pass over the ranks and one template render.
public struct PromptAssembler: Sendable {
    public var template: PromptTemplate
    public var budgetTokens: Int
    /// Template-specific framing per passage (number, title line, blank lines).
    static let perPassageOverhead = 8
    private var costs: [PassageKey: Int] = [:]

    private struct PassageKey: Hashable {
        var rank: Int
        var documentID: String
    }

    public init(template: PromptTemplate = .standard, budgetTokens: Int) {
        self.template = template
        self.budgetTokens = max(1, budgetTokens)
    }

    /// Assembles the prompt for `question` from `passages` (in rank order), leaving out
    /// `excluded` ranks, and cutting from the lowest rank up until the estimate fits.
    public mutating func assemble(question: String, passages: [Passage], excluded: Set<Int>) -> AssembledPrompt {
        let candidates = passages.filter { !excluded.contains($0.rank) }.sorted { $0.rank < $1.rank }
        let base = TokenEstimate.of(template.render(question: question, passages: [], cutNote: "")) + 24
        var total = base
        var kept: [Passage] = []
        var cut: [Int] = []
        for passage in candidates {
            let cost = cost(of: passage)
            if cut.isEmpty && total + cost <= budgetTokens {
                kept.append(passage)
                total += cost
            } else {
                cut.append(passage.rank)  // once one is cut, every lower-ranked one is too
            }
        }
        let note = cut.isEmpty ? "" : Self.cutNote(cut)
        let text = template.render(question: question, passages: kept, cutNote: note)
        return AssembledPrompt(
            text: text,
            estimatedTokens: TokenEstimate.of(text),
            budgetTokens: budgetTokens,
            included: kept.map(\.rank),
            cut: cut,
            excluded: passages.map(\.rank).filter { excluded.contains($0) }
        )
    }

    private mutating func cost(of passage: Passage) -> Int {
        let key = PassageKey(rank: passage.rank, documentID: passage.documentID)
        if let known = costs[key] { return known }
        let cost = TokenEstimate.of(passage.title) + TokenEstimate.of(passage.uri ?? "")
            + TokenEstimate.of(passage.content) + Self.perPassageOverhead
        costs[key] = cost
        return cost
    }

    /// Forgets the remembered passage costs (when a new question starts).
    public mutating func forgetCosts() {
        costs.removeAll(keepingCapacity: true)
    }

    static func cutNote(_ ranks: [Int]) -> String {
        "passages \(rankList(ranks)) were left out to fit the token budget."
    }

    /// Ranks as citations with runs folded: `[3], [5]–[9000]`. With thousands of passages cut,
    /// listing each would make the note itself the biggest thing in the prompt.
    public static func rankList(_ ranks: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < ranks.count {
            var end = index
            while end + 1 < ranks.count, ranks[end + 1] == ranks[end] + 1 { end += 1 }
            switch end - index {
            case 0: parts.append("[\(ranks[index])]")
            case 1: parts += ["[\(ranks[index])]", "[\(ranks[end])]"]
            default: parts.append("[\(ranks[index])]–[\(ranks[end])]")
            }
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
