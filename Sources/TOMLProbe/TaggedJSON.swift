import TOML

/// toml-test's JSON form of a document: tables are objects, arrays are arrays, and every
/// other value is `{"type": "...", "value": "..."}` with the value as a string.
enum TaggedJSON {
    static func encode(_ table: TOMLTable) -> String {
        let members = table.entries.map { "\(quoted($0.key)):\(encode($0.value))" }
        return "{" + members.joined(separator: ",") + "}"
    }

    static func encode(_ value: TOMLValue) -> String {
        switch value.kind {
        case .table(let table): return encode(table)
        case .array(let values): return "[" + values.map(encode).joined(separator: ",") + "]"
        case .string(let text): return tagged("string", text)
        case .integer(let number): return tagged("integer", String(number))
        case .float(let number): return tagged("float", float(number))
        case .boolean(let flag): return tagged("bool", flag ? "true" : "false")
        case .offsetDateTime(let date, let time, let minutes): return tagged("datetime", "\(date)T\(time)\(offset(minutes))")
        case .localDateTime(let date, let time): return tagged("datetime-local", "\(date)T\(time)")
        case .localDate(let date): return tagged("date-local", "\(date)")
        case .localTime(let time): return tagged("time-local", "\(time)")
        }
    }

    private static func tagged(_ type: String, _ value: String) -> String {
        "{\"type\":\"\(type)\",\"value\":\(quoted(value))}"
    }

    private static func float(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        return "\(number)"
    }

    private static func offset(_ minutes: Int) -> String {
        guard minutes != 0 else { return "Z" }
        let sign = minutes < 0 ? "-" : "+"
        let magnitude = abs(minutes)
        return sign + twoDigits(magnitude / 60) + ":" + twoDigits(magnitude % 60)
    }

    private static func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let digits = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
