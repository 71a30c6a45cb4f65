/// A follow-up question often leans on the one before ("and who responded to it?"); searched
/// on its own it finds little. When a question reads like a follow-up, the search also gets
/// the content words of the previous search, and the chat shows the query actually sent.
/// Deterministic and local: no model is asked to rewrite anything.
enum FollowUpQuery {
    /// The text to search for `question`, given the previous turn's search text.
    static func searchText(for question: String, previous: String?) -> String {
        guard let previous, isFollowUp(question) else { return question }
        let own = Set(words(question))
        var added: [String] = []
        for word in contentWords(previous) where !own.contains(word) && !added.contains(word) {
            added.append(word)
            if added.count == 6 { break }
        }
        return added.isEmpty ? question : question + " " + added.joined(separator: " ")
    }

    /// Starts like a continuation, points back with a pronoun, or has no word of its own to
    /// search for ("why?"). A one-word question ("vacation") is a new topic, not a follow-up.
    static func isFollowUp(_ question: String) -> Bool {
        let tokens = words(question)
        guard !tokens.isEmpty else { return false }
        let lowered = question.lowercased().trimmingCharacters(in: .whitespaces)
        if openers.contains(where: { lowered.hasPrefix($0 + " ") }) { return true }
        if tokens.contains(where: pronouns.contains) { return true }
        return contentWords(question).isEmpty
    }

    static func contentWords(_ text: String) -> [String] {
        words(text).filter { !stopWords.contains($0) && !pronouns.contains($0) && $0.count > 1 }
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
    }

    static let openers = ["and", "but", "also", "so", "then", "what about", "how about", "and what", "and how", "why"]
    static let pronouns: Set<String> = ["it", "its", "they", "them", "their", "that", "this", "those", "these", "he", "she",
                                        "him", "her", "there", "one", "ones"]
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by", "from", "about", "as",
        "is", "are", "was", "were", "be", "been", "do", "does", "did", "has", "have", "had", "can", "could", "should",
        "would", "will", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "i", "we", "you", "our",
        "my", "your", "me", "us", "also", "so", "then", "more", "tell", "explain", "please", "any", "some", "all",
    ]
}
