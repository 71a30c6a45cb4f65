/// A position in well-formed UTF-8 bytes, with the current line kept up to date by the
/// only functions that step over line breaks.
struct Cursor {
    let bytes: [UInt8]
    private(set) var offset = 0
    /// 1-based line of `offset`.
    private(set) var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The byte at the cursor, or nil at the end.
    var current: UInt8? { byte(at: offset) }

    /// The byte `distance` bytes ahead, or nil past the end.
    func peek(_ distance: Int) -> UInt8? {
        let (index, overflow) = offset.addingReportingOverflow(distance)
        return overflow ? nil : byte(at: index)
    }

    func byte(at index: Int) -> UInt8? {
        index >= 0 && index < bytes.count ? bytes[index] : nil
    }

    /// Steps over `count` bytes that are not line breaks.
    mutating func advance(_ count: Int = 1) {
        offset = min(bytes.count, offset + min(count, bytes.count))
    }

    /// Whether a line break (LF or CRLF) starts at the cursor.
    var atNewline: Bool {
        current == 0x0A || (current == 0x0D && peek(1) == 0x0A)
    }

    /// Steps over the line break at the cursor (the caller checked ``atNewline``).
    mutating func advanceNewline() {
        advance(current == 0x0D ? 2 : 1)
        line += 1
    }

    /// Line and column of any offset, counted from the start (used for errors only).
    func position(of target: Int) -> (line: Int, column: Int) {
        let end = min(max(target, 0), bytes.count)
        var line = 1
        var start = 0
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            start = index + 1
        }
        return (line, Self.column(in: bytes, from: start, to: end))
    }

    private static func column(in bytes: [UInt8], from start: Int, to end: Int) -> Int {
        guard start < end else { return 1 }
        var column = 1
        for index in start..<end where bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        return column
    }

    /// The text from `start` to the cursor.
    func text(from start: Int) -> String {
        let lower = min(max(start, 0), offset)
        return String(decoding: bytes[lower..<offset], as: UTF8.self)
    }

    /// Describes what is at the cursor for an error: a quoted character, "a line break" or
    /// "the end of the file".
    var foundDescription: String {
        guard let byte = current else { return "the end of the file" }
        if atNewline || byte == 0x0D { return "a line break" }
        var end = offset + 1
        while let next = self.byte(at: end), next & 0xC0 == 0x80 { end += 1 }
        let character = String(decoding: bytes[offset..<end], as: UTF8.self)
        if byte < 0x20 || byte == 0x7F { return "a control character" }
        return "`\(character)`"
    }
}
