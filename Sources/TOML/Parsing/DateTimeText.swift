/// Dates and times as TOML 1.0 writes them (RFC 3339, with a space allowed for `T`):
/// `1979-05-27T07:32:00Z`, `1979-05-27T00:32:00.999-07:00`, `1979-05-27 07:32:00`,
/// `1979-05-27`, `07:32:00`. Fields are range-checked, including the day of the month.
enum DateTimeText {
    static func parse(_ token: [UInt8]) -> TOMLValue.Kind? {
        var reader = FieldReader(bytes: token)
        if token.count >= 3, token[2] == UInt8(ascii: ":") {
            guard let time = reader.time(), reader.isAtEnd else { return nil }
            return .localTime(time)
        }
        guard let date = reader.date() else { return nil }
        if reader.isAtEnd { return .localDate(date) }
        guard let separator = reader.next(), [UInt8(ascii: "T"), UInt8(ascii: "t"), 0x20].contains(separator),
              let time = reader.time() else { return nil }
        if reader.isAtEnd { return .localDateTime(date, time) }
        guard let offset = reader.offset(), reader.isAtEnd else { return nil }
        return .offsetDateTime(date, time, offsetMinutes: offset)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

private struct FieldReader {
    let bytes: [UInt8]
    var index = 0

    var isAtEnd: Bool { index >= bytes.count }

    mutating func next() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func expect(_ character: Unicode.Scalar) -> Bool {
        next() == UInt8(ascii: character)
    }

    /// Exactly `count` digits.
    mutating func number(_ count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let byte = next(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    mutating func date() -> TOMLDate? {
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              (1...12).contains(month), (1...DateTimeText.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return TOMLDate(year: year, month: month, day: day)
    }

    /// `HH:MM:SS` with an optional fraction of at least one digit (seconds are required in 1.0).
    mutating func time() -> TOMLTime? {
        guard let hour = number(2), expect(":"), let minute = number(2), expect(":"), let second = number(2),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        var fraction = ""
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            guard index > start else { return nil }
            fraction = String(decoding: bytes[start..<index], as: UTF8.self)
        }
        return TOMLTime(hour: hour, minute: minute, second: second, fraction: fraction)
    }

    /// `Z` or `±HH:MM`, in minutes east of UTC.
    mutating func offset() -> Int? {
        switch next() {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return 0
        case let sign? where sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"):
            guard let hours = number(2), expect(":"), let minutes = number(2), hours <= 23, minutes <= 59 else { return nil }
            let total = hours * 60 + minutes
            return sign == UInt8(ascii: "-") ? -total : total
        default:
            return nil
        }
    }
}
