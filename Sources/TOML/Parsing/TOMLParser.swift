/// Reads TOML 1.0 documents (https://toml.io/en/v1.0.0).
///
/// Written in Swift for one property: no input, however malformed, can stop the process. It
/// never traps (no force unwraps, overflow-checked arithmetic, bounds-checked reads), nests
/// at most ``maximumDepth`` levels so recursion cannot exhaust the stack, and answers every
/// invalid document with a ``TOMLError`` that names the line and column.
public enum TOMLParser {
    /// How deep tables, arrays and inline tables may nest (keys of a dotted path count too).
    public static let maximumDepth = 100

    /// Parses decoded text. Decoding a file (`String(contentsOf:encoding:)`) already removed
    /// its byte-order mark, so a U+FEFF at the start here is a character, which TOML refuses.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var parser = DocumentParser(bytes: Array(text.utf8))
        return try parser.parseDocument()
    }

    /// Parses raw file bytes, which must be UTF-8; one leading byte-order mark is skipped.
    public static func parse(bytes: [UInt8]) throws(TOMLError) -> TOMLTable {
        var parser = DocumentParser(bytes: bytes)
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw parser.failure(.invalidUTF8, at: offset)
        }
        parser.skipByteOrderMark()
        return try parser.parseDocument()
    }
}

/// The state of one parse: the cursor, the tables built so far, and the table that
/// key/value lines currently go into.
struct DocumentParser {
    var cursor: Cursor
    let root: TableNode
    var current: TableNode
    /// Which header section key/value lines belong to (see ``TableNode/Origin/dotted(section:)``).
    var section = 0
    private var sections = 0

    init(bytes: [UInt8]) {
        cursor = Cursor(bytes: bytes)
        root = TableNode(origin: .header, line: 1, depth: 0)
        current = root
    }

    func failure(_ reason: TOMLError.Reason, at offset: Int) -> TOMLError {
        let (line, column) = cursor.position(of: offset)
        return TOMLError(line: line, column: column, reason: reason)
    }

    func failure(_ reason: TOMLError.Reason) -> TOMLError {
        failure(reason, at: cursor.offset)
    }

    func unexpected(_ expected: String) -> TOMLError {
        failure(.unexpected(found: cursor.foundDescription, expected: expected))
    }

    /// A section number no other section has had.
    mutating func newSection() -> Int {
        sections += 1
        return sections
    }

    mutating func skipByteOrderMark() {
        if cursor.current == 0xEF, cursor.peek(1) == 0xBB, cursor.peek(2) == 0xBF {
            cursor.advance(3)
        }
    }

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        while true {
            skipWhitespace()
            guard let byte = cursor.current else { break }
            if cursor.atNewline {
                cursor.advanceNewline()
                continue
            }
            switch byte {
            case UInt8(ascii: "#"):
                try skipComment()
            case UInt8(ascii: "["):
                try parseHeader()
                try finishLine(after: "the table header")
            default:
                try parseKeyValue(into: current)
                try finishLine(after: "the value")
            }
        }
        return root.table
    }

    mutating func skipWhitespace() {
        while cursor.current == 0x20 || cursor.current == 0x09 {
            cursor.advance()
        }
    }

    /// Skips a comment up to (not over) the line break; control characters are not allowed in it.
    mutating func skipComment() throws(TOMLError) {
        cursor.advance()
        while let byte = cursor.current, !cursor.atNewline {
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F {
                throw failure(.controlCharacter(UInt32(byte)))
            }
            cursor.advance()
        }
    }

    /// After a header or key/value: only whitespace and a comment may follow on the line.
    mutating func finishLine(after what: String) throws(TOMLError) {
        skipWhitespace()
        if cursor.current == UInt8(ascii: "#") { try skipComment() }
        if cursor.isAtEnd { return }
        guard cursor.atNewline else { throw unexpected("a line break or a comment after \(what)") }
        cursor.advanceNewline()
    }

    /// Whitespace, line breaks and comments, as allowed between array elements.
    mutating func skipBlankSpace() throws(TOMLError) {
        while true {
            skipWhitespace()
            if cursor.atNewline {
                cursor.advanceNewline()
            } else if cursor.current == UInt8(ascii: "#") {
                try skipComment()
            } else {
                return
            }
        }
    }

    /// `[table]` or `[[array of tables]]`; the tables after it receive the key/value lines.
    mutating func parseHeader() throws(TOMLError) {
        let line = cursor.line
        cursor.advance()
        let isArray = cursor.current == UInt8(ascii: "[")
        if isArray { cursor.advance() }
        let keys = try parseKey(inHeader: true)
        guard cursor.current == UInt8(ascii: "]") else {
            throw unexpected(isArray ? "`]]` to close the table header" : "`]` to close the table header")
        }
        cursor.advance()
        if isArray {
            guard cursor.current == UInt8(ascii: "]") else { throw unexpected("`]]` to close the table header") }
            cursor.advance()
        }
        section = newSection()
        current = isArray ? try appendTable(at: keys, line: line) : try openTable(at: keys, line: line)
    }

    /// `key = value` (the key may be dotted), added to `table`.
    mutating func parseKeyValue(into table: TableNode) throws(TOMLError) {
        let keys = try parseKey(inHeader: false)
        guard cursor.current == UInt8(ascii: "=") else { throw unexpected("`=` after the key") }
        cursor.advance()
        skipWhitespace()
        let (depth, overflow) = table.depth.addingReportingOverflow(keys.count)
        guard !overflow, depth <= TOMLParser.maximumDepth else {
            throw failure(.tooDeep(limit: TOMLParser.maximumDepth))
        }
        let value = try parseValue(depth: depth)
        try insert(value, at: keys, into: table)
    }
}
