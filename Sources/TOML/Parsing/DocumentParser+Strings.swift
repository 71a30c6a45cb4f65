extension DocumentParser {
    private static let quote = UInt8(ascii: "\"")
    private static let apostrophe = UInt8(ascii: "'")
    private static let backslash = UInt8(ascii: "\\")

    /// Tab is the only control character a string may hold as it stands.
    private static func isForbiddenControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09) || byte == 0x7F
    }

    /// `"…"`: escapes, no line breaks.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let start = cursor.offset
        cursor.advance()
        var bytes: [UInt8] = []
        while true {
            guard let byte = cursor.current, byte != 0x0A, !cursor.atNewline else {
                throw failure(.unterminatedString, at: start)
            }
            switch byte {
            case Self.quote:
                cursor.advance()
                return String(decoding: bytes, as: UTF8.self)
            case Self.backslash:
                try parseEscape(into: &bytes)
            default:
                guard !Self.isForbiddenControl(byte) else { throw failure(.controlCharacter(UInt32(byte))) }
                bytes.append(byte)
                cursor.advance()
            }
        }
    }

    /// `'…'`: taken as written, no line breaks.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let start = cursor.offset
        cursor.advance()
        var bytes: [UInt8] = []
        while true {
            guard let byte = cursor.current, byte != 0x0A, !cursor.atNewline else {
                throw failure(.unterminatedString, at: start)
            }
            if byte == Self.apostrophe {
                cursor.advance()
                return String(decoding: bytes, as: UTF8.self)
            }
            guard !Self.isForbiddenControl(byte) else { throw failure(.controlCharacter(UInt32(byte))) }
            bytes.append(byte)
            cursor.advance()
        }
    }

    /// `"""…"""`: a line break right after the opening quotes is dropped; a backslash at the
    /// end of a line drops the break and the whitespace that follows.
    mutating func parseMultiLineBasicString() throws(TOMLError) -> String {
        try parseMultiLine(delimiter: Self.quote) { (parser: inout DocumentParser, bytes: inout [UInt8]) throws(TOMLError) in
            var lookahead = 1
            while parser.cursor.peek(lookahead) == 0x20 || parser.cursor.peek(lookahead) == 0x09 {
                lookahead += 1
            }
            let next = parser.cursor.peek(lookahead)
            guard next == 0x0A || (next == 0x0D && parser.cursor.peek(lookahead + 1) == 0x0A) else {
                try parser.parseEscape(into: &bytes)
                return
            }
            parser.cursor.advance(lookahead)
            while true {
                if parser.cursor.atNewline {
                    parser.cursor.advanceNewline()
                } else if parser.cursor.current == 0x20 || parser.cursor.current == 0x09 {
                    parser.cursor.advance()
                } else {
                    return
                }
            }
        }
    }

    /// `'''…'''`: taken as written; a line break right after the opening quotes is dropped.
    mutating func parseMultiLineLiteralString() throws(TOMLError) -> String {
        try parseMultiLine(delimiter: Self.apostrophe, escape: nil)
    }

    /// The body of a multi-line string. The closing delimiter may be followed by one or two
    /// more quotes, which belong to the string; six in a row cannot be read.
    private mutating func parseMultiLine(
        delimiter: UInt8,
        escape: ((inout DocumentParser, inout [UInt8]) throws(TOMLError) -> Void)?
    ) throws(TOMLError) -> String {
        let start = cursor.offset
        cursor.advance(3)
        if cursor.atNewline { cursor.advanceNewline() }
        var bytes: [UInt8] = []
        while true {
            guard let byte = cursor.current else { throw failure(.unterminatedString, at: start) }
            if cursor.atNewline {
                // A CRLF is kept as written: TOML leaves the choice of line ending to the parser.
                if byte == 0x0D { bytes.append(0x0D) }
                bytes.append(0x0A)
                cursor.advanceNewline()
                continue
            }
            if byte == delimiter, cursor.peek(1) == delimiter, cursor.peek(2) == delimiter {
                var count = 3
                while cursor.peek(count) == delimiter { count += 1 }
                guard count <= 5 else {
                    cursor.advance(5)
                    throw unexpected("the end of the string (at most two quotes may follow the closing three)")
                }
                bytes.append(contentsOf: repeatElement(delimiter, count: count - 3))
                cursor.advance(count)
                return String(decoding: bytes, as: UTF8.self)
            }
            if byte == Self.backslash, let escape {
                try escape(&self, &bytes)
                continue
            }
            guard !Self.isForbiddenControl(byte) else { throw failure(.controlCharacter(UInt32(byte))) }
            bytes.append(byte)
            cursor.advance()
        }
    }

    /// A backslash escape at the cursor, appended to `bytes` as UTF-8.
    mutating func parseEscape(into bytes: inout [UInt8]) throws(TOMLError) {
        let start = cursor.offset
        cursor.advance()
        guard let letter = cursor.current else { throw failure(.unterminatedString, at: start) }
        let simple: UInt8? = switch letter {
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "r"): 0x0D
        case Self.quote: Self.quote
        case Self.backslash: Self.backslash
        default: nil
        }
        if let simple {
            bytes.append(simple)
            cursor.advance()
            return
        }
        let length: Int
        switch letter {
        case UInt8(ascii: "u"): length = 4
        case UInt8(ascii: "U"): length = 8
        default:
            throw failure(.invalidEscape(cursor.isAtEnd || cursor.atNewline ? "" : String(decoding: [letter], as: UTF8.self)), at: start)
        }
        cursor.advance()
        let digitsStart = cursor.offset
        var value: UInt32 = 0
        for _ in 0..<length {
            guard let byte = cursor.current, let digit = Self.hexDigit(byte) else {
                throw failure(.invalidUnicodeEscape("\\" + String(decoding: [letter], as: UTF8.self) + cursor.text(from: digitsStart)), at: start)
            }
            value = value << 4 | UInt32(digit)
            cursor.advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw failure(.invalidUnicodeEscape("\\" + String(decoding: [letter], as: UTF8.self) + cursor.text(from: digitsStart)), at: start)
        }
        bytes.append(contentsOf: String(Character(scalar)).utf8)
    }

    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
