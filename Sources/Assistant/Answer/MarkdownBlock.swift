/// One finished block of an answer (the text between blank lines, or a fenced code block),
/// parsed once: the chat pane draws it without parsing again.
public struct MarkdownBlock: Sendable, Equatable {
    public var lines: [MarkdownLine]

    public init(lines: [MarkdownLine]) { self.lines = lines }
}

/// A logical line of a block: a paragraph (soft line breaks joined), a heading, a list item,
/// a quote, or one verbatim line of code.
public struct MarkdownLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case paragraph
        case heading(level: Int)
        case bullet
        case numbered(Int)
        case quote
        case code
    }

    public var kind: Kind
    public var spans: [MarkdownSpan]

    public init(kind: Kind, spans: [MarkdownSpan]) {
        self.kind = kind
        self.spans = spans
    }
}

/// A run of text with one inline style.
public struct MarkdownSpan: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        case plain, strong, emphasis, code
        case link(url: String)
        /// `[n]`: a citation of passage n.
        case citation(Int)
    }

    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}
