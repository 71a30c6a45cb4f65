import Foundation
import enum HTTP.JSONValue

extension AttributeValue {
    /// The wire form: `{"stringValue": …}`, `{"stringListValue": […]}`, `{"longValue": n}` or
    /// `{"dateValue": epochSeconds}` — exactly one member, as the union in the model says.
    public var json: JSONValue {
        switch self {
        case .string(let value): ["stringValue": .string(value)]
        case .stringList(let values): ["stringListValue": .array(values.map(JSONValue.string))]
        case .long(let value): ["longValue": .number(Double(value))]
        case .date(let seconds): ["dateValue": .number(seconds)]
        }
    }

    /// Reads the wire form; corpus files may also give `dateValue` as an ISO 8601 string.
    /// Returns nil (with the reason) when the union is empty, has several members or a wrong type.
    public static func parse(_ json: JSONValue) -> Result<AttributeValue, AttributeValueError> {
        guard let members = json.objectValue else { return .failure(.notAnObject) }
        guard members.count == 1, let (key, value) = members.first else { return .failure(.notExactlyOneMember) }
        switch (key, value) {
        case ("stringValue", .string(let text)):
            return text.count <= 2048 ? .success(.string(text)) : .failure(.wrongType(key))
        case ("stringListValue", .array(let items)):
            let strings = items.compactMap(\.stringValue)
            return strings.count == items.count ? .success(.stringList(strings)) : .failure(.wrongType(key))
        case ("longValue", .number(let number)):
            return number.rounded() == number ? .success(.long(Int64(number))) : .failure(.wrongType(key))
        case ("dateValue", .number(let seconds)):
            return .success(.date(seconds))
        case ("dateValue", .string(let text)):
            // A format style, not a new ISO8601DateFormatter per value: loading the corpus parses hundreds.
            guard let date = try? Date.ISO8601FormatStyle().parse(text) else { return .failure(.wrongType(key)) }
            return .success(.date(date.timeIntervalSince1970))
        case ("stringValue", _), ("stringListValue", _), ("longValue", _), ("dateValue", _):
            return .failure(.wrongType(key))
        default:
            return .failure(.unknownMember(key))
        }
    }
}

public enum AttributeValueError: Error, Sendable, Equatable {
    case notAnObject
    case notExactlyOneMember
    case wrongType(String)
    case unknownMember(String)

    public var message: String {
        switch self {
        case .notAnObject: "must be an object"
        case .notExactlyOneMember: "must set exactly one of stringValue, stringListValue, longValue, dateValue"
        case .wrongType(let member): "\(member) has the wrong type"
        case .unknownMember(let member): "unknown member \(member)"
        }
    }
}
