import Foundation

/// The `sandbox.extractive-v1` model: no generation, only selection. It finds the numbered
/// passages in the prompt (`[n]` at the start of a line), picks the sentences that share the most
/// terms with the question and quotes them with their `[n]` citations.
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

    public static func answer(prompt: String) -> String {
        let question = Set(Tokenizer.terms(question(in: prompt)))
        var scored: [(score: Int, order: Int, text: String)] = []
        for passage in passages(in: prompt) {
            for sentence in sentences(passage.text) {
                let score = Set(Tokenizer.terms(sentence)).intersection(question).count
                if score > 0 { scored.append((score, scored.count, "\(sentence) [\(passage.number)]")) }
            }
        }
        let chosen = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
            .prefix(maximumSentences)
        guard !chosen.isEmpty else {
            return preamble + "\n\nNone of the passages contains a sentence about the question."
        }
        return preamble + "\n\n" + chosen.map(\.text).joined(separator: " ")
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
