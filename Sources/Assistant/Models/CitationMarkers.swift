import AWS

/// Turns Bedrock's native `citation` deltas into qseek's `[n]` markers, so the chat, `ask
/// --json` and history see native citations exactly as prompted ones.
///
/// A citation delta follows the text it backs: the marker goes right after that text, once
/// per source until more text arrives.
struct CitationMarkers {
    let sources: [ModelRequest.Source]
    private var citedSinceText: Set<Int> = []
    private var textEndsInSpace = true

    init(sources: [ModelRequest.Source]) {
        self.sources = sources
    }

    mutating func noteText(_ text: String) {
        guard let last = text.last else { return }
        citedSinceText = []
        textEndsInSpace = last.isWhitespace
    }

    /// The marker text to append for `citation`, or nil when it names no passage sent (or was
    /// just given).
    mutating func marker(for citation: CitationDelta) -> String? {
        guard let number = number(of: citation), !citedSinceText.contains(number) else { return nil }
        citedSinceText.insert(number)
        defer { textEndsInSpace = false }
        return (textEndsInSpace ? "" : " ") + "[\(number)]"
    }

    /// By `searchResultIndex` (the order the blocks were sent), else by source and title.
    func number(of citation: CitationDelta) -> Int? {
        if let index = citation.searchResultIndex {
            return sources.indices.contains(index) ? sources[index].number : nil
        }
        return sources.first { source in
            (citation.source.map { !$0.isEmpty && $0 == source.uri } ?? false) && (citation.title.map { $0 == source.title } ?? true)
        }?.number
    }
}
