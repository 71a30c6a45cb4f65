extension DocumentParser {
    /// One value at the cursor. `depth` is how deep it would sit; arrays and inline tables
    /// past ``TOMLParser/maximumDepth`` are refused before they are read.
    mutating func parseValue(depth: Int) throws(TOMLError) -> TOMLValue {
        guard depth <= TOMLParser.maximumDepth else { throw failure(.tooDeep(limit: TOMLParser.maximumDepth)) }
        let line = cursor.line
        switch cursor.current {
        case UInt8(ascii: "\"")?:
            let isMultiLine = cursor.peek(1) == UInt8(ascii: "\"") && cursor.peek(2) == UInt8(ascii: "\"")
            return TOMLValue(.string(isMultiLine ? try parseMultiLineBasicString() : try parseBasicString()), line: line)
        case UInt8(ascii: "'")?:
            let isMultiLine = cursor.peek(1) == UInt8(ascii: "'") && cursor.peek(2) == UInt8(ascii: "'")
            return TOMLValue(.string(isMultiLine ? try parseMultiLineLiteralString() : try parseLiteralString()), line: line)
        case UInt8(ascii: "[")?:
            return TOMLValue(.array(try parseArray(depth: depth)), line: line)
        case UInt8(ascii: "{")?:
            return TOMLValue(.table(try parseInlineTable(depth: depth, line: line)), line: line)
        case UInt8(ascii: "t")?, UInt8(ascii: "f")?:
            return TOMLValue(.boolean(try parseBoolean()), line: line)
        case let byte? where Self.isScalarTokenByte(byte):
            return TOMLValue(try parseScalarToken(), line: line)
        default:
            throw unexpected("a value (a string, number, boolean, date, array or inline table)")
        }
    }

    private mutating func parseBoolean() throws(TOMLError) -> Bool {
        for (word, value) in [("true", true), ("false", false)] {
            let bytes = Array(word.utf8)
            if bytes.indices.allSatisfy({ cursor.peek($0) == bytes[$0] }),
               !(cursor.peek(bytes.count).map(Self.isScalarTokenByte) ?? false) {
                cursor.advance(bytes.count)
                return value
            }
        }
        throw unexpected("a value (a string, number, boolean, date, array or inline table)")
    }

    /// `[ value, value, ]`: line breaks and comments may stand between the elements.
    private mutating func parseArray(depth: Int) throws(TOMLError) -> [TOMLValue] {
        let start = cursor.offset
        cursor.advance()
        var values: [TOMLValue] = []
        while true {
            try skipBlankSpace()
            if cursor.isAtEnd { throw failure(.unclosedArray, at: start) }
            if cursor.current == UInt8(ascii: "]") {
                cursor.advance()
                return values
            }
            values.append(try parseValue(depth: depth + 1))
            try skipBlankSpace()
            if cursor.isAtEnd { throw failure(.unclosedArray, at: start) }
            switch cursor.current {
            case UInt8(ascii: ",")?:
                cursor.advance()
            case UInt8(ascii: "]")?:
                cursor.advance()
                return values
            default:
                throw unexpected("`,` or `]` in the array")
            }
        }
    }

    /// `{ key = value, key = value }` on one line, without a trailing comma (TOML 1.0).
    private mutating func parseInlineTable(depth: Int, line: Int) throws(TOMLError) -> TOMLTable {
        cursor.advance()
        let table = TableNode(origin: .header, line: line, depth: depth)
        let outerSection = section
        section = newSection()
        defer { section = outerSection }
        skipWhitespace()
        if cursor.current == UInt8(ascii: "}") {
            cursor.advance()
            return table.table
        }
        while true {
            try parseKeyValue(into: table)
            skipWhitespace()
            switch cursor.current {
            case UInt8(ascii: ",")?:
                cursor.advance()
            case UInt8(ascii: "}")?:
                cursor.advance()
                return table.table
            default:
                throw unexpected("`,` or `}` in the inline table (it must end on the same line)")
            }
        }
    }
}
