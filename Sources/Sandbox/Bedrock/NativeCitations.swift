import enum HTTP.JSONValue

/// The extractive model asked the native way: passages as `searchResult` blocks with citations
/// enabled. It answers from them as from a `[n]` prompt, then sends each `[n]` it would have
/// written as a `citation` delta naming search result `n - 1`, the shape bedrock-runtime's
/// `CitationsDelta` has.
enum NativeCitations {
    struct SearchResult: Equatable {
        var source: String
        var title: String
        var text: String
    }

    /// One part of the streamed answer: text, or the citation backing the text before it.
    enum Part: Equatable {
        case text(String)
        case citation(index: Int)
    }

    /// The search results as the numbered-passage prompt `ExtractiveAnswerer` reads.
    static func prompt(_ results: [SearchResult], question: String) -> String {
        var prompt = ""
        for (index, result) in results.enumerated() {
            prompt += "[\(index + 1)] \(result.title)\n\(result.text)\n\n"
        }
        return prompt + "Question: \(question)"
    }

    /// Splits an answer with `[n]` markers into text and citations (markers of no search
    /// result stay text; the space before a marker goes with it).
    static func parts(of answer: String, resultCount: Int) -> [Part] {
        var parts: [Part] = []
        var text = ""
        var index = answer.startIndex
        while index < answer.endIndex {
            if answer[index] == "[", let close = answer[index...].firstIndex(of: "]"),
               let number = Int(answer[answer.index(after: index)..<close]), number >= 1, number <= resultCount {
                if text.hasSuffix(" ") { text.removeLast() }
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                parts.append(.citation(index: number - 1))
                index = answer.index(after: close)
            } else {
                text.append(answer[index])
                index = answer.index(after: index)
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }

    /// A `contentBlockDelta` payload's `delta.citation` for search result `index`.
    static func citation(_ results: [SearchResult], index: Int) -> JSONValue {
        let result = results[index]
        return [
            "title": .string(result.title), "source": .string(result.source),
            "sourceContent": [["text": .string(result.text)]],
            "location": ["searchResultLocation": ["searchResultIndex": .number(Double(index)), "start": 0, "end": 0]],
        ]
    }
}
