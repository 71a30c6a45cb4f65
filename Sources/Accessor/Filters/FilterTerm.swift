import Foundation

/// One `@name OP value` term of the filter mini-language (see `FilteredQuery`).
enum FilterTerm {
    /// Longest first, so `>=` is not read as `>` followed by `=value`.
    static let operators = ["~~", ">=", "<=", "!=", "=", "~", ">", "<"]

    static func parse(_ token: FilterToken) throws(FilterSyntaxError) -> AttributeFilter {
        func failure(_ reason: String) -> FilterSyntaxError {
            FilterSyntaxError(term: token.text, offset: token.offset, reason: reason)
        }
        let body = token.text.dropFirst()
        guard let nameEnd = body.firstIndex(where: { "=!~<>".contains($0) }) else {
            throw failure("a filter needs an operator and a value, e.g. @category=security")
        }
        let name = String(body[..<nameEnd])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }) else {
            throw failure("\"\(name)\" is not an attribute name (letters, digits, _ . -)")
        }
        let rest = body[nameEnd...]
        guard let op = operators.first(where: { rest.hasPrefix($0) }) else {
            throw failure("unknown operator; use = != ~ ~~ > >= < <=")
        }
        let rawValue = unquote(String(rest.dropFirst(op.count)))
        guard !rawValue.isEmpty else { throw failure("the value is missing") }

        switch name {
        case "after", "before":
            guard op == "=" else { throw failure("@\(name) takes a date with =, e.g. @\(name)=2024-01-01") }
            guard let date = parseDate(rawValue) else { throw failure("\"\(rawValue)\" is not a date (YYYY-MM-DD)") }
            let attribute = DocumentAttribute(name: "_created_at", value: .date(date))
            return name == "after" ? .greaterThanOrEquals(attribute) : .lessThan(attribute)
        default:
            break
        }
        let attributeName = FilteredQuery.aliases[name] ?? name
        switch op {
        case "~", "~~":
            let items = rawValue.split(separator: ",").map { unquote(String($0)) }.filter { !$0.isEmpty }
            guard !items.isEmpty else { throw failure("list at least one value, separated by commas") }
            let attribute = DocumentAttribute(name: attributeName, value: .stringList(items))
            return op == "~" ? .containsAny(attribute) : .containsAll(attribute)
        case "=", "!=":
            let alternatives = rawValue.split(separator: "|").map { String($0) }
            let filters = alternatives.map { AttributeFilter.equalsTo(DocumentAttribute(name: attributeName, value: typedValue($0))) }
            let positive = filters.count == 1 ? filters[0] : .orAll(filters)
            return op == "=" ? positive : .not(positive)
        default:
            let value = typedValue(rawValue)
            if case .string = value {
                throw failure("\(op) compares numbers and dates only; \"\(rawValue)\" is neither")
            }
            let attribute = DocumentAttribute(name: attributeName, value: value)
            switch op {
            case ">": return .greaterThan(attribute)
            case ">=": return .greaterThanOrEquals(attribute)
            case "<": return .lessThan(attribute)
            default: return .lessThanOrEquals(attribute)
            }
        }
    }

    static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else { return text }
        return String(text.dropFirst().dropLast())
    }

    static func typedValue(_ text: String) -> DocumentAttributeValue {
        if let date = parseDate(text) { return .date(date) }
        if let number = Int64(text) { return .long(number) }
        return .string(text)
    }

    /// `YYYY-MM-DD` (midnight UTC) or a full ISO 8601 timestamp.
    static func parseDate(_ text: String) -> Date? {
        let isoDate = /^(\d{4})-(\d{2})-(\d{2})$/
        if let match = text.wholeMatch(of: isoDate) {
            var components = DateComponents()
            components.calendar = Calendar(identifier: .gregorian)
            components.timeZone = TimeZone(identifier: "UTC")
            components.year = Int(match.1)
            components.month = Int(match.2)
            components.day = Int(match.3)
            guard components.isValidDate, let date = components.date else { return nil }
            return date
        }
        guard text.contains("T") else { return nil }
        return try? Date(text, strategy: .iso8601)
    }
}
