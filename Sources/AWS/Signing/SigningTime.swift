import Foundation

/// The two renderings of the signing instant SigV4 uses: `20150830T123600Z` and `20150830`.
public struct SigningTime: Sendable, Equatable {
    public let amzDate: String
    public let dateStamp: String

    public init(_ date: Date) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civilDate(fromDays: days)
        guard (0...9999).contains(year) else {
            dateStamp = Self.pad(year, 4) + Self.pad(month, 2) + Self.pad(day, 2)
            amzDate = dateStamp + "T" + Self.pad(secondOfDay / 3600, 2) + Self.pad(secondOfDay % 3600 / 60, 2)
                + Self.pad(secondOfDay % 60, 2) + "Z"
            return
        }
        // Written digit by digit into the string: formatting through `String(Int)` and padding
        // cost more than the rest of the date handling together.
        amzDate = String(unsafeUninitializedCapacity: 16) { out in
            var position = 0
            func put(_ value: Int64, width: Int) {
                var value = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    out[position + offset] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10)
                    value /= 10
                }
                position += width
            }
            put(year, width: 4)
            put(month, width: 2)
            put(day, width: 2)
            out[position] = UInt8(ascii: "T")
            position += 1
            put(secondOfDay / 3600, width: 2)
            put(secondOfDay % 3600 / 60, width: 2)
            put(secondOfDay % 60, width: 2)
            out[position] = UInt8(ascii: "Z")
            return position + 1
        }
        dateStamp = String(amzDate.utf8.prefix(8))!
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Parses `yyyyMMdd'T'HHmmss'Z'`, the form of `X-Amz-Date`; `nil` for anything else.
    public static func parse(amzDate text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    // Howard Hinnant's civil-calendar algorithms: exact, allocation-free, no locale or calendar
    // object involved (a process-wide Calendar would be shared mutable state).
    static func civilDate(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysFromCivil(year y0: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
