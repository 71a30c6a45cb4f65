/// An answer as it streams in: the full text, the blocks already finished (parsed once each,
/// kept by index), and the block still being written (shown as plain text until it ends).
///
/// Appending scans only the lines not scanned before, so a long answer costs the same per
/// token as a short one.
public struct StreamedAnswer: Sendable, Equatable {
    public private(set) var text = ""
    public private(set) var blocks: [MarkdownBlock] = []
    /// The unfinished block's text.
    public private(set) var pending = ""
    /// Where the scan of `pending` stopped (UTF-8 offset of the first line not yet seen), and
    /// what it found so far.
    private var scanned = 0
    private var inFence = false
    private var blockHasText = false

    public init() {}

    public init(finished text: String) {
        append(text)
        finish()
    }

    public mutating func append(_ delta: String) {
        text += delta
        pending += delta
        while let (end, rest) = nextBlockEnd() {
            let block = pending[..<end]
            if !block.allSatisfy(\.isWhitespace) { blocks.append(MarkdownParser.block(String(block))) }
            pending = String(pending[rest...])
            scanned = 0
            inFence = false
            blockHasText = false
        }
    }

    /// The answer ended: the last block is complete too.
    public mutating func finish() {
        if !pending.allSatisfy(\.isWhitespace) { blocks.append(MarkdownParser.block(pending)) }
        pending = ""
        scanned = 0
        inFence = false
        blockHasText = false
    }

    /// A block ends at a blank line outside a code fence, or at the line closing a fence.
    /// Returns where the block ends and where the rest begins.
    private mutating func nextBlockEnd() -> (String.Index, String.Index)? {
        let utf8 = pending.utf8
        var lineStart = utf8.index(utf8.startIndex, offsetBy: scanned)
        while let newline = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = pending.unicodeScalars[lineStart..<newline]
            let trimmed = line.drop { $0 == " " }
            let next = utf8.index(after: newline)
            let isFence = trimmed.starts(with: "```".unicodeScalars) || trimmed.starts(with: "~~~".unicodeScalars)
            if isFence {
                if inFence { return (next, next) }
                inFence = true
                blockHasText = true
            } else if !inFence && trimmed.allSatisfy(\.properties.isWhitespace) {
                if blockHasText { return (lineStart, next) }
            } else {
                blockHasText = true
            }
            lineStart = next
            scanned = utf8.distance(from: utf8.startIndex, to: next)
        }
        return nil
    }
}
