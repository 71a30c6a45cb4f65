import Foundation

/// A question as typed in the input line: free text plus `@attribute` filters.
///
///     rotate keys @category=security @after=2024-01-01 @source~wiki,confluence
///
/// Each `@name OP value` term is a filter; everything else is the query text. Terms combine
/// with AND. Operators: `=` (equals; `a|b` means either), `!=`, `~` (contains any of a
/// comma-separated list), `~~` (contains all), `>`, `>=`, `<`, `<=` (numbers and dates).
/// Values are dates (`YYYY-MM-DD` or ISO 8601 with a time), whole numbers, or text;
/// quote text with spaces: `@category="human resources"`. Shorthands: `@after=DATE`,
/// `@before=DATE` (on `_created_at`), and `category`, `source`, `created`, `lang` for
/// `_category`, `_data_source_id`, `_created_at`, `_language_code`.
public struct FilteredQuery: Sendable, Equatable {
    public var text: String
    public var filter: AttributeFilter?

    public init(text: String, filter: AttributeFilter?) {
        self.text = text
        self.filter = filter
    }

    static let aliases = [
        "category": "_category",
        "source": "_data_source_id",
        "created": "_created_at",
        "lang": "_language_code",
    ]

    /// Parses an input line. Errors point at the offending term.
    public static func parse(_ line: String) throws(FilterSyntaxError) -> FilteredQuery {
        var words: [String] = []
        var filters: [AttributeFilter] = []
        for token in try FilterTokenizer.tokens(of: line) {
            if token.text.hasPrefix("@") {
                filters.append(try FilterTerm.parse(token))
            } else {
                words.append(token.text)
            }
        }
        let filter: AttributeFilter? = switch filters.count {
        case 0: nil
        case 1: filters[0]
        default: .andAll(filters)
        }
        return FilteredQuery(text: words.joined(separator: " "), filter: filter)
    }
}

/// What is wrong with a filter term, and where it starts in the input line.
public struct FilterSyntaxError: Error, Sendable, Equatable {
    /// The offending term as typed.
    public var term: String
    /// Its position in the input line, in characters from the start.
    public var offset: Int
    public var reason: String

    public var userMessage: String { "\(term): \(reason)" }
}

/// A whitespace-separated word of the input line, with quotes honoured.
struct FilterToken {
    var text: String
    var offset: Int
}

enum FilterTokenizer {
    static func tokens(of line: String) throws(FilterSyntaxError) -> [FilterToken] {
        var tokens: [FilterToken] = []
        var current = ""
        var start = 0
        var quote: Character?
        for (offset, character) in line.enumerated() {
            if let open = quote {
                current.append(character)
                if character == open { quote = nil }
            } else if character == " " || character == "\t" {
                if !current.isEmpty { tokens.append(FilterToken(text: current, offset: start)) }
                current = ""
            } else {
                if current.isEmpty { start = offset }
                if character == "\"" || character == "'" { quote = character }
                current.append(character)
            }
        }
        if quote != nil {
            throw FilterSyntaxError(term: current, offset: start, reason: "the quote is never closed")
        }
        if !current.isEmpty { tokens.append(FilterToken(text: current, offset: start)) }
        return tokens
    }
}
