import Foundation
import enum HTTP.JSONValue

/// A Q Business `AttributeFilter`: boolean combinators over comparisons of one document attribute.
public indirect enum AttributeFilter: Sendable, Hashable {
    case all([AttributeFilter])
    case any([AttributeFilter])
    case not(AttributeFilter)
    case compare(Comparison, name: String, value: AttributeValue)

    public enum Comparison: String, Sendable, CaseIterable {
        case equalsTo, containsAll, containsAny, greaterThan, greaterThanOrEquals, lessThan, lessThanOrEquals
    }

    /// Whether a document with `attributes` passes. A missing attribute or a value of another
    /// type never matches a comparison (so `notFilter` of it does).
    public func matches(_ attributes: [String: AttributeValue]) -> Bool {
        switch self {
        case .all(let filters): return filters.allSatisfy { $0.matches(attributes) }
        case .any(let filters): return filters.contains { $0.matches(attributes) }
        case .not(let filter): return !filter.matches(attributes)
        case .compare(let comparison, let name, let wanted):
            guard let actual = attributes[name] else { return false }
            return Self.compare(comparison, actual: actual, wanted: wanted)
        }
    }

    private static func compare(_ comparison: Comparison, actual: AttributeValue, wanted: AttributeValue) -> Bool {
        switch comparison {
        case .equalsTo:
            return actual == wanted
        case .containsAll:
            guard case .stringList(let required) = wanted else { return false }
            return Set(required).isSubset(of: strings(of: actual))
        case .containsAny:
            guard case .stringList(let options) = wanted else { return false }
            return !Set(options).isDisjoint(with: strings(of: actual))
        case .greaterThan, .greaterThanOrEquals, .lessThan, .lessThanOrEquals:
            guard let lhs = ordinal(actual), let rhs = ordinal(wanted), lhs.kind == rhs.kind else { return false }
            switch comparison {
            case .greaterThan: return lhs.value > rhs.value
            case .greaterThanOrEquals: return lhs.value >= rhs.value
            case .lessThan: return lhs.value < rhs.value
            default: return lhs.value <= rhs.value
            }
        }
    }

    private static func strings(of value: AttributeValue) -> Set<String> {
        switch value {
        case .string(let text): [text]
        case .stringList(let texts): Set(texts)
        default: []
        }
    }

    private static func ordinal(_ value: AttributeValue) -> (kind: Int, value: Double)? {
        switch value {
        case .long(let number): (0, Double(number))
        case .date(let seconds): (1, seconds)
        default: nil
        }
    }
}

/// A field that failed validation, named the way `ValidationException.fields` names it.
public struct FieldProblem: Error, Sendable, Equatable {
    public var name: String
    public var message: String

    public init(name: String, message: String) {
        self.name = name
        self.message = message
    }
}

extension AttributeFilter {
    /// Deepest nesting accepted (the filter itself is level 1); a bound keeps a hostile body from
    /// exhausting the stack. The same as qseek's client sends at most (`AWS.AttributeFilter.maximumDepth`).
    public static let maximumDepth = 10

    /// Parses the wire shape at `path` (for error messages), requiring exactly one member per
    /// filter and the value types each comparison supports (see the model's documentation).
    public static func parse(_ json: JSONValue, path: String = "attributeFilter", depth: Int = 0) throws(FieldProblem) -> AttributeFilter {
        guard depth < maximumDepth else { throw FieldProblem(name: path, message: "nested more than \(maximumDepth) levels") }
        guard let members = json.objectValue else { throw FieldProblem(name: path, message: "must be an object") }
        guard members.count == 1, let (key, value) = members.first else {
            throw FieldProblem(name: path, message: "must set exactly one operator")
        }
        let here = "\(path).\(key)"
        switch key {
        case "andAllFilters", "orAllFilters":
            guard let items = value.arrayValue else { throw FieldProblem(name: here, message: "must be a list") }
            var filters: [AttributeFilter] = []
            for (index, item) in items.enumerated() {
                filters.append(try parse(item, path: "\(here)[\(index)]", depth: depth + 1))
            }
            return key == "andAllFilters" ? .all(filters) : .any(filters)
        case "notFilter":
            return .not(try parse(value, path: here, depth: depth + 1))
        default:
            guard let comparison = Comparison(rawValue: key) else {
                throw FieldProblem(name: here, message: "unknown operator")
            }
            return try parseComparison(comparison, value, path: here)
        }
    }

    private static func parseComparison(_ comparison: Comparison, _ json: JSONValue, path: String) throws(FieldProblem) -> AttributeFilter {
        guard let name = json["name"]?.stringValue else { throw FieldProblem(name: "\(path).name", message: "is required") }
        guard (1...200).contains(name.count), name.first != "-",
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            throw FieldProblem(name: "\(path).name", message: "must match [a-zA-Z0-9_][a-zA-Z0-9_-]*, 1-200 characters")
        }
        guard let rawValue = json["value"] else { throw FieldProblem(name: "\(path).value", message: "is required") }
        let value: AttributeValue
        switch AttributeValue.parse(rawValue) {
        case .success(let parsed): value = parsed
        case .failure(let problem): throw FieldProblem(name: "\(path).value", message: problem.message)
        }
        switch (comparison, value) {
        case (.containsAll, .stringList), (.containsAny, .stringList), (.equalsTo, _):
            break
        case (.greaterThan, .long), (.greaterThan, .date), (.greaterThanOrEquals, .long), (.greaterThanOrEquals, .date),
             (.lessThan, .long), (.lessThan, .date), (.lessThanOrEquals, .long), (.lessThanOrEquals, .date):
            break
        default:
            throw FieldProblem(name: "\(path).value", message: "\(comparison.rawValue) does not support this value type")
        }
        return .compare(comparison, name: name, value: value)
    }
}
