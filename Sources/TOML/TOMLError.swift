/// Why a document is not valid TOML 1.0, and where: every error has the 1-based line and
/// column (in Unicode scalars) of the first character that could not be read.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: Reason

    public init(line: Int, column: Int, reason: Reason) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public enum Reason: Sendable, Equatable {
        case invalidUTF8
        case controlCharacter(UInt32)
        case unexpected(found: String, expected: String)
        case invalidTableName(found: String)
        case unterminatedString
        case unclosedArray
        case invalidEscape(String)
        case invalidUnicodeEscape(String)
        case invalidNumber(String)
        case integerOutOfRange(String)
        case invalidDateTime(String)
        case duplicateKey(String)
        case tableDefinedTwice(String)
        case notATable(String)
        case inlineTableIsClosed(String)
        case tooDeep(limit: Int)
    }

    /// What is wrong, in words, without the position.
    public var message: String {
        switch reason {
        case .invalidUTF8: "the file is not valid UTF-8"
        case .controlCharacter(let value): "control character U+\(hex(value)) is not allowed here (write it as an escape in a basic string)"
        case .unexpected(let found, let expected): "expected \(expected), found \(found)"
        case .invalidTableName(let found): "expected a table name (a bare or quoted key) in the header, found \(found)"
        case .unterminatedString: "the string is not closed before the end of the line or file"
        case .unclosedArray: "the array that starts here is not closed with `]`"
        case .invalidEscape(let escape): "`\\\(escape)` is not a TOML escape (use \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX)"
        case .invalidUnicodeEscape(let digits): "`\(digits)` is not a Unicode scalar value"
        case .invalidNumber(let text): "`\(text)` is not a valid TOML number"
        case .integerOutOfRange(let text): "`\(text)` does not fit in a 64-bit integer"
        case .invalidDateTime(let text): "`\(text)` is not a valid date or time"
        case .duplicateKey(let key): "key `\(key)` is defined twice"
        case .tableDefinedTwice(let key): "table `\(key)` is defined twice"
        case .notATable(let key): "`\(key)` is already a value, not a table that can be extended"
        case .inlineTableIsClosed(let key): "`\(key)` is an inline table or array, which cannot be extended later"
        case .tooDeep(let limit): "values or tables are nested more than \(limit) levels deep"
        }
    }

    /// `line L, column C: message`.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
