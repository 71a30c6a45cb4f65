/// The input line: text and a cursor, both in grapheme clusters.
public struct InputLine: Sendable, Equatable {
    public var text = ""
    /// Cursor position as a count of characters from the start.
    public var cursor = 0

    public init(text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    public mutating func insert(_ string: String) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        text.insert(contentsOf: string, at: index)
        cursor += string.count
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        let index = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: index)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    public mutating func moveCursor(by offset: Int) {
        cursor = min(max(0, cursor + offset), text.count)
    }

    public mutating func moveCursorToStart() { cursor = 0 }
    public mutating func moveCursorToEnd() { cursor = text.count }

    /// Deletes the word before the cursor (Ctrl+W).
    public mutating func deleteWordBackward() {
        while cursor > 0, text[text.index(text.startIndex, offsetBy: cursor - 1)] == " " { deleteBackward() }
        while cursor > 0, text[text.index(text.startIndex, offsetBy: cursor - 1)] != " " { deleteBackward() }
    }

    public mutating func clear() {
        text = ""
        cursor = 0
    }
}
