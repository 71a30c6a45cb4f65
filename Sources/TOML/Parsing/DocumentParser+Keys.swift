/// One part of a (possibly dotted) key, with where it stands for errors and value lines.
struct Key {
    var name: String
    var offset: Int
    var line: Int
}

extension DocumentParser {
    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    /// A key: simple keys separated by dots, whitespace allowed around each dot. Leaves the
    /// cursor after the whitespace that follows the key.
    mutating func parseKey(inHeader: Bool) throws(TOMLError) -> [Key] {
        var keys: [Key] = []
        while true {
            skipWhitespace()
            guard keys.count < TOMLParser.maximumDepth else { throw failure(.tooDeep(limit: TOMLParser.maximumDepth)) }
            keys.append(try parseSimpleKey(inHeader: inHeader))
            skipWhitespace()
            guard cursor.current == UInt8(ascii: ".") else { return keys }
            cursor.advance()
        }
    }

    private mutating func parseSimpleKey(inHeader: Bool) throws(TOMLError) -> Key {
        let start = cursor.offset
        let line = cursor.line
        switch cursor.current {
        case UInt8(ascii: "\"")?:
            return Key(name: try parseBasicString(), offset: start, line: line)
        case UInt8(ascii: "'")?:
            return Key(name: try parseLiteralString(), offset: start, line: line)
        case let byte? where Self.isBareKeyByte(byte):
            while let byte = cursor.current, Self.isBareKeyByte(byte) {
                cursor.advance()
            }
            return Key(name: cursor.text(from: start), offset: start, line: line)
        default:
            if inHeader { throw failure(.invalidTableName(found: cursor.foundDescription)) }
            throw unexpected("a key (letters, digits, `_`, `-`, or a quoted string)")
        }
    }

    static func dotted(_ keys: some Sequence<Key>) -> String {
        keys.map(\.name).joined(separator: ".")
    }
}
