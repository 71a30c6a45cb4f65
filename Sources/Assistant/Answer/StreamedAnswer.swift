/// An answer as it streams in: the full text, the blocks already finished (parsed once each,
/// kept by index), and the block still being written (shown as plain text until it ends).
///
/// Appending scans only the unfinished block, so a long answer costs the same per token as
/// a short one.
public struct StreamedAnswer: Sendable, Equatable {
    public private(set) var text = ""
    public private(set) var blocks: [MarkdownBlock] = []
    /// The unfinished block's text.
    public private(set) var pending = ""

    public init() {}

    public init(finished text: String) {
        append(text)
        finish()
    }

    public mutating func append(_ delta: String) {
        text += delta
        pending += delta
        while let (block, rest) = Self.firstFinishedBlock(in: pending) {
            if !block.allSatisfy(\.isWhitespace) { blocks.append(MarkdownParser.block(block)) }
            pending = rest
        }
    }

    /// The answer ended: the last block is complete too.
    public mutating func finish() {
        if !pending.allSatisfy(\.isWhitespace) { blocks.append(MarkdownParser.block(pending)) }
        pending = ""
    }

    /// A block ends at a blank line outside a code fence, or at the line closing a fence.
    static func firstFinishedBlock(in text: String) -> (String, String)? {
        var inFence = false
        var lineStart = text.startIndex
        var blockHasText = false
        while let newline = text[lineStart...].firstIndex(of: "\n") {
            let line = text[lineStart..<newline]
            let trimmed = line.drop { $0 == " " }
            let next = text.index(after: newline)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                if inFence { return (String(text[..<next]), String(text[next...])) }
                inFence = true
                blockHasText = true
            } else if !inFence && trimmed.allSatisfy(\.isWhitespace) {
                if blockHasText { return (String(text[..<lineStart]), String(text[next...])) }
            } else {
                blockHasText = true
            }
            lineStart = next
        }
        return nil
    }
}
