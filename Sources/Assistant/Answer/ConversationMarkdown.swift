import Foundation

/// A conversation written out as Markdown: each question as a heading, the answer, and the
/// sources its `[n]` markers point at (title, link, document id).
public enum ConversationMarkdown {
    public struct Turn: Sendable, Equatable {
        public var question: String
        public var answer: String
        public var citations: [Citation]
        public var model: String?
        public var askedAt: Date?
        /// The user stopped the answer before the model finished it.
        public var wasStopped: Bool

        public init(question: String, answer: String, citations: [Citation], model: String? = nil, askedAt: Date? = nil,
                    wasStopped: Bool = false) {
            self.question = question
            self.answer = answer
            self.citations = citations
            self.model = model
            self.askedAt = askedAt
            self.wasStopped = wasStopped
        }

        /// The sources the answer cites; all of the prompt's passages when it cites none.
        public var sources: [Citation] {
            let cited = Set(Citation.markers(in: answer))
            let used = citations.filter { cited.contains($0.number) }
            return used.isEmpty ? citations : used
        }
    }

    public static func render(_ turns: [Turn], tenant: String? = nil, title: String = "qseek conversation") -> String {
        var out = "# \(title)\n"
        if let tenant { out += "\nTenant: \(tenant)\n" }
        for turn in turns {
            out += "\n## \(turn.question.replacingOccurrences(of: "\n", with: " "))\n\n"
            var meta: [String] = []
            if let askedAt = turn.askedAt { meta.append(askedAt.formatted(.iso8601)) }
            if let model = turn.model { meta.append("model \(model)") }
            if !meta.isEmpty { out += "_\(meta.joined(separator: " · "))_\n\n" }
            out += turn.answer.isEmpty ? "_(no answer)_\n" : turn.answer.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
            if turn.wasStopped { out += "\n_(answer stopped)_\n" }
            let sources = turn.sources
            if !sources.isEmpty {
                out += "\n**Sources**\n\n"
                for source in sources {
                    let title = source.title.isEmpty ? source.documentID : source.title
                    let link = source.uri.flatMap { $0.isEmpty ? nil : $0 }.map { "[\(title)](\($0))" } ?? title
                    out += "- [\(source.number)] \(link) — `\(source.documentID)`\n"
                }
            }
        }
        return out
    }
}
