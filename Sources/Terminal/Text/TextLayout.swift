/// Line breaking and truncation measured in terminal cells (see `DisplayWidth`).
public enum TextLayout {
    /// The ellipsis that marks cut text.
    public static let ellipsis: Character = "…"

    /// `text` cut to at most `width` cells; when it had to be cut, the last cell is an
    /// ellipsis. A wide cluster that would straddle the limit is dropped whole.
    public static func truncate<S: StringProtocol>(_ text: S, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var end = text.startIndex
        var lastFitting = text.startIndex  // where the text must end to leave room for "…"
        for index in text.indices {
            let cellWidth = DisplayWidth.of(text[index])
            if used + cellWidth <= width - 1 { lastFitting = text.index(after: index) }
            if used + cellWidth > width {
                return String(text[text.startIndex..<lastFitting]) + String(ellipsis)
            }
            used += cellWidth
            end = text.index(after: index)
        }
        return String(text[text.startIndex..<end])
    }

    /// Word-wraps `text` to lines of at most `width` cells. Line breaks in the text are
    /// kept; a word longer than a line is broken between clusters; spaces at a break are
    /// dropped. Always returns at least one line. With `maxLines`, stops once it has that
    /// many: the lines returned are the first lines of the whole wrap, and a view that shows
    /// twenty lines of a long text does not pay for wrapping all of it.
    public static func wrap(_ text: String, toWidth width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0 else { return [""] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if wrapParagraph(paragraph, width: width, into: &lines, limit: maxLines) { break }
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Appends the paragraph's lines; returns true when it stopped at `limit` lines.
    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String], limit: Int) -> Bool {
        var line = ""
        var lineWidth = 0
        var extraSpaces = 0  // spaces beyond the one separator, kept inside a line
        var atStart = true  // leading spaces (indentation) are kept on the first line
        // The words between single spaces, empty ones included, taken one at a time.
        var rest = paragraph
        var more = true
        while more {
            let word: Substring
            if let space = rest.firstIndex(of: " ") {
                word = rest[..<space]
                rest = rest[rest.index(after: space)...]
            } else {
                word = rest
                more = false
            }
            if word.isEmpty {
                extraSpaces += 1
                continue
            }
            let wordWidth = DisplayWidth.of(word)
            let gap = atStart ? extraSpaces : extraSpaces + 1
            extraSpaces = 0
            if (atStart || lineWidth > 0) && lineWidth + gap + wordWidth <= width {
                line += String(repeating: " ", count: gap) + word
                lineWidth += gap + wordWidth
                atStart = false
                continue
            }
            atStart = false
            if lineWidth > 0 {
                lines.append(line)
                if lines.count >= limit { return true }
                line = ""
                lineWidth = 0
            }
            // A word wider than the line is broken between clusters.
            for cluster in word {
                let clusterWidth = DisplayWidth.of(cluster)
                if lineWidth + clusterWidth > width && lineWidth > 0 {
                    lines.append(line)
                    if lines.count >= limit { return true }
                    line = ""
                    lineWidth = 0
                }
                line.append(cluster)
                lineWidth += clusterWidth
            }
        }
        lines.append(line)
        return lines.count >= limit
    }
}
