import Foundation

/// The `sandbox.extractive-v1` model: no generation, only selection. It finds the numbered
/// passages in the prompt (`[n]` at the start of a line), picks the sentences that share the most
/// terms with the question and quotes them with their `[n]` citations — never one twice; it
/// says so when two passages give different figures for one thing, and when nothing answers.
public enum ExtractiveAnswerer {
    public static let preamble = "This answer comes from the sandbox's extractive demo model: it quotes the most relevant sentences of the passages instead of writing its own."
    static let maximumSentences = 4

    public struct Passage: Sendable, Equatable {
        public var number: Int
        public var text: String
    }

    /// Finds `[n] Title <uri>` blocks; each passage's text runs from the line after its heading
    /// to the next heading or the `Question:` line, which ends the passages.
    public static func passages(in prompt: String) -> [Passage] {
        var result: [Passage] = []
        var current: Passage?
        for line in prompt.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.lowercased().hasPrefix("question:") {
                break
            }
            if trimmed.first == "[", let close = trimmed.firstIndex(of: "]"),
               let number = Int(trimmed[trimmed.index(after: trimmed.startIndex)..<close]) {
                if let current { result.append(current) }
                // qseek's prompt puts "Title <link>" on the marker line and the text below; a
                // title is no sentence to quote. Text that ends like a sentence is kept.
                var rest = String(trimmed[trimmed.index(after: close)...]).trimmingCharacters(in: .whitespaces)
                if rest.hasSuffix(">"), let open = rest.lastIndex(of: "<") {
                    rest = String(rest[..<open]).trimmingCharacters(in: .whitespaces)
                }
                current = Passage(number: number, text: rest.last.map { ".!?".contains($0) } == true ? rest : "")
            } else if current != nil {
                current?.text += "\n" + line
            }
        }
        if let current { result.append(current) }
        return result
    }

    /// The question: a line starting with `Question:` if there is one, else the last line that
    /// is not part of a passage.
    public static func question(in prompt: String) -> String {
        let lines = prompt.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        if let line = lines.last(where: { $0.lowercased().hasPrefix("question:") }) {
            return String(line.dropFirst("question:".count)).trimmingCharacters(in: .whitespaces)
        }
        return lines.last { !$0.isEmpty && !$0.hasPrefix("[") } ?? ""
    }

    /// Sentences chosen for an answer: the most question words first, each sentence once
    /// (however many passages repeat it), and only sentences that share enough of the
    /// question to be about it.
    public static func answer(prompt: String) -> String {
        let question = Set(Tokenizer.terms(question(in: prompt)))
        var scored: [Candidate] = []
        var seen: Set<String> = []
        for passage in passages(in: prompt) {
            for sentence in sentences(passage.text) {
                let terms = Set(Tokenizer.terms(sentence))
                let score = terms.intersection(question).count
                guard score > 0, seen.insert(normalized(sentence)).inserted else { continue }
                scored.append(Candidate(score: score, order: scored.count, passage: passage.number, sentence: sentence, terms: terms))
            }
        }
        // When some sentences share two or more of the question's words, one shared word is not enough.
        if let best = scored.map(\.score).max(), best >= 2 { scored.removeAll { $0.score < 2 } }
        let chosen = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
            .prefix(maximumSentences)
        guard !chosen.isEmpty else {
            return preamble + "\n\nThe passages do not answer this question: none of them has a sentence about "
                + (question.isEmpty ? "it" : "\"\(Self.question(in: prompt))\"") + "."
        }
        var text = preamble + "\n\n" + chosen.map { "\($0.sentence) [\($0.passage)]" }.joined(separator: " ")
        if let conflict = conflict(in: Array(chosen)) {
            text += "\n\nNote: [\(conflict.0.passage)] and [\(conflict.1.passage)] give different figures for the same thing ("
                + conflict.0.figures.joined(separator: ", ") + " against " + conflict.1.figures.joined(separator: ", ")
                + "); they may be two versions of one document, so check which one is current."
        }
        return text
    }

    struct Candidate {
        var score: Int
        var order: Int
        var passage: Int
        var sentence: String
        var terms: Set<String>

        /// The numbers in the sentence ("5", "20%").
        var figures: [String] { Tokenizer.terms(sentence).filter { $0.first?.isNumber == true } }
        var words: Set<String> { terms.filter { $0.first?.isNumber != true } }
    }

    /// Two chosen sentences of different passages that say the same thing with different
    /// figures: most of their words shared, their numbers not.
    static func conflict(in chosen: [Candidate]) -> (Candidate, Candidate)? {
        for (index, first) in chosen.enumerated() {
            for second in chosen.dropFirst(index + 1) where second.passage != first.passage {
                let shared = first.words.intersection(second.words).count
                let all = first.words.union(second.words).count
                guard all > 0, Double(shared) / Double(all) >= 0.6 else { continue }
                let figures = (Set(first.figures), Set(second.figures))
                if !figures.0.isEmpty, !figures.1.isEmpty, figures.0 != figures.1 { return (first, second) }
            }
        }
        return nil
    }

    /// A sentence as compared for repeats: case, spacing and punctuation aside.
    static func normalized(_ sentence: String) -> String {
        sentence.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(String.init).joined()
    }

    /// Sentences end at `.`, `!` or `?` followed by white space (or the end), so a dot inside
    /// a host name or a number does not cut a sentence.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character == "\n" ? " " : character)
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            if ".!?".contains(character), next.isWhitespace {
                let sentence = current.trimmingCharacters(in: .whitespaces)
                if sentence.count > 1 { result.append(sentence) }
                current = ""
            }
        }
        let tail = current.trimmingCharacters(in: .whitespaces)
        if !tail.isEmpty { result.append(tail) }
        return result
    }
}
