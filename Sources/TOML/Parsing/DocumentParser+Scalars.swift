/// Numbers, dates and times: read as one token of the characters they may contain, then
/// classified and checked against the TOML 1.0 grammar.
extension DocumentParser {
    static func isScalarTokenByte(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    mutating func parseScalarToken() throws(TOMLError) -> TOMLValue.Kind {
        let start = cursor.offset
        while let byte = cursor.current, Self.isScalarTokenByte(byte) {
            cursor.advance()
        }
        // A date and a time may be separated by one space instead of `T`.
        if cursor.offset - start == 10, Self.looksLikeDate(cursor.bytes[start..<cursor.offset]),
           cursor.current == 0x20, let first = cursor.peek(1), let second = cursor.peek(2),
           Self.isDigit(first), Self.isDigit(second), cursor.peek(3) == UInt8(ascii: ":") {
            cursor.advance()
            while let byte = cursor.current, Self.isScalarTokenByte(byte) {
                cursor.advance()
            }
        }
        let token = Array(cursor.bytes[start..<cursor.offset])
        let text = cursor.text(from: start)
        if token.count >= 3, token[2] == UInt8(ascii: ":") || (token.count >= 5 && token[4] == UInt8(ascii: "-") && Self.looksLikeDate(token.prefix(10))) {
            guard let kind = DateTimeText.parse(token) else { throw failure(.invalidDateTime(text), at: start) }
            return kind
        }
        return try NumberText.parse(token, text: text) { (reason: TOMLError.Reason) in failure(reason, at: start) }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func looksLikeDate(_ bytes: some Collection<UInt8>) -> Bool {
        let bytes = Array(bytes)
        guard bytes.count == 10 else { return false }
        return bytes.indices.allSatisfy { index in
            index == 4 || index == 7 ? bytes[index] == UInt8(ascii: "-") : isDigit(bytes[index])
        }
    }
}
