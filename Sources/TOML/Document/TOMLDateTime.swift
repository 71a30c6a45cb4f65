/// A calendar date as TOML writes it (`1979-05-27`), already checked to exist.
public struct TOMLDate: Sendable, Equatable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
    }

    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A time of day (`07:32:00.999999`). The fraction keeps the digits as written, because TOML
/// allows more precision than any clock type here holds.
public struct TOMLTime: Sendable, Equatable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// The digits after the decimal point, as written ("" when there are none).
    public var fraction: String

    public init(hour: Int, minute: Int, second: Int, fraction: String = "") {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.fraction = fraction
    }

    public var description: String {
        let base = "\(TOMLDate.padded(hour, 2)):\(TOMLDate.padded(minute, 2)):\(TOMLDate.padded(second, 2))"
        return fraction.isEmpty ? base : "\(base).\(fraction)"
    }
}
