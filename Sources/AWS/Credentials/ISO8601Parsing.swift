import Foundation

/// ISO 8601 timestamps as credential sources write them, with or without fractional seconds.
/// Format styles, not `ISO8601DateFormatter`: the formatter goes through ICU and was a visible
/// share of a cold `qseek search`, which reads two of these per exchange.
enum ISO8601Parsing {
    static func date(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle().parse(text)) ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
    }
}
