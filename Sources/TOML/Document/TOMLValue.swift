/// One TOML value with the place it starts in the source, so a program that reads a document
/// can name the line of a value it does not like (`file:line: key: problem`).
public struct TOMLValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case string(String)
        case integer(Int64)
        case float(Double)
        case boolean(Bool)
        case offsetDateTime(TOMLDate, TOMLTime, offsetMinutes: Int)
        case localDateTime(TOMLDate, TOMLTime)
        case localDate(TOMLDate)
        case localTime(TOMLTime)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    public var kind: Kind
    /// 1-based line where the value starts; for a table, the line of its header or of the
    /// first key that created it.
    public var line: Int

    public init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    public var string: String? {
        if case .string(let value) = kind { return value }
        return nil
    }

    public var integer: Int64? {
        if case .integer(let value) = kind { return value }
        return nil
    }

    public var float: Double? {
        if case .float(let value) = kind { return value }
        return nil
    }

    public var boolean: Bool? {
        if case .boolean(let value) = kind { return value }
        return nil
    }

    public var array: [TOMLValue]? {
        if case .array(let value) = kind { return value }
        return nil
    }

    public var table: TOMLTable? {
        if case .table(let value) = kind { return value }
        return nil
    }

    /// The type's name as the TOML specification writes it, for messages ("must be a string,
    /// not integer").
    public var typeName: String {
        switch kind {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .offsetDateTime: "offset date-time"
        case .localDateTime: "local date-time"
        case .localDate: "local date"
        case .localTime: "local time"
        case .array: "array"
        case .table: "table"
        }
    }
}
