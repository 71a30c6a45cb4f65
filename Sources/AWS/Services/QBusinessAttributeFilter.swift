import Foundation

/// A document attribute value: exactly one of the four kinds (a union in the model).
public enum DocumentAttributeValue: Sendable, Equatable, Codable {
    case string(String)
    case stringList([String])
    case long(Int64)
    /// Sent and received as epoch seconds (restJson1's default timestamp format).
    case date(Date)

    enum CodingKeys: String, CodingKey { case stringValue, stringListValue, longValue, dateValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .string(let text): try container.encode(text, forKey: .stringValue)
        case .stringList(let list): try container.encode(list, forKey: .stringListValue)
        case .long(let number): try container.encode(number, forKey: .longValue)
        case .date(let date):
            let seconds = date.timeIntervalSince1970
            if seconds == seconds.rounded(), abs(seconds) < 1e15 {
                try container.encode(Int64(seconds), forKey: .dateValue)
            } else {
                try container.encode(seconds, forKey: .dateValue)
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .stringValue) {
            self = .string(text)
        } else if let list = try container.decodeIfPresent([String].self, forKey: .stringListValue) {
            self = .stringList(list)
        } else if let number = try container.decodeIfPresent(Int64.self, forKey: .longValue) {
            self = .long(number)
        } else if let seconds = try container.decodeIfPresent(Double.self, forKey: .dateValue) {
            self = .date(Date(timeIntervalSince1970: seconds))
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "empty DocumentAttributeValue"))
        }
    }
}

/// `{name, value}`: a named attribute of a document, or the operand of a filter.
public struct DocumentAttribute: Sendable, Equatable, Codable {
    public var name: String
    public var value: DocumentAttributeValue

    public init(name: String, value: DocumentAttributeValue) {
        self.name = name
        self.value = value
    }
}

/// Q Business's recursive attribute filter: boolean combinators over comparison leaves.
public indirect enum AttributeFilter: Sendable, Equatable, Encodable {
    case andAll([AttributeFilter])
    case orAll([AttributeFilter])
    case not(AttributeFilter)
    case equalsTo(DocumentAttribute)
    case containsAll(DocumentAttribute)
    case containsAny(DocumentAttribute)
    case greaterThan(DocumentAttribute)
    case greaterThanOrEquals(DocumentAttribute)
    case lessThan(DocumentAttribute)
    case lessThanOrEquals(DocumentAttribute)

    enum CodingKeys: String, CodingKey {
        case andAllFilters, orAllFilters, notFilter, equalsTo, containsAll, containsAny
        case greaterThan, greaterThanOrEquals, lessThan, lessThanOrEquals
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .andAll(let filters): try container.encode(filters, forKey: .andAllFilters)
        case .orAll(let filters): try container.encode(filters, forKey: .orAllFilters)
        case .not(let filter): try container.encode(filter, forKey: .notFilter)
        case .equalsTo(let attribute): try container.encode(attribute, forKey: .equalsTo)
        case .containsAll(let attribute): try container.encode(attribute, forKey: .containsAll)
        case .containsAny(let attribute): try container.encode(attribute, forKey: .containsAny)
        case .greaterThan(let attribute): try container.encode(attribute, forKey: .greaterThan)
        case .greaterThanOrEquals(let attribute): try container.encode(attribute, forKey: .greaterThanOrEquals)
        case .lessThan(let attribute): try container.encode(attribute, forKey: .lessThan)
        case .lessThanOrEquals(let attribute): try container.encode(attribute, forKey: .lessThanOrEquals)
        }
    }

    /// Deepest nesting sent (the filter itself is level 1). The qbusiness model sets no limit;
    /// the sandbox accepts the same depth, and docs/configuration.md states it.
    public static let maximumDepth = 10

    /// Attribute names: 1–200 characters of `[a-zA-Z0-9_][a-zA-Z0-9_-]*`; nesting at most `maximumDepth` deep.
    func validate(path: String = "attributeFilter", depth: Int = 0) throws(ParameterValidationError) {
        guard depth < Self.maximumDepth else {
            throw ParameterValidationError(field: path, rule: "nested at most \(Self.maximumDepth) levels deep")
        }
        switch self {
        case .andAll(let filters), .orAll(let filters):
            for (index, filter) in filters.enumerated() { try filter.validate(path: "\(path)[\(index)]", depth: depth + 1) }
        case .not(let filter):
            try filter.validate(path: "\(path).notFilter", depth: depth + 1)
        case .equalsTo(let attribute), .containsAll(let attribute), .containsAny(let attribute), .greaterThan(let attribute),
             .greaterThanOrEquals(let attribute), .lessThan(let attribute), .lessThanOrEquals(let attribute):
            try ParameterRules.length(attribute.name, 1...200, field: "\(path).name")
            let bytes = Array(attribute.name.utf8)
            func allowed(_ byte: UInt8, first: Bool) -> Bool {
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: "_") || (!first && byte == UInt8(ascii: "-"))
            }
            guard bytes.enumerated().allSatisfy({ allowed($0.element, first: $0.offset == 0) }) else {
                throw ParameterValidationError(field: "\(path).name", rule: "letters, digits, _ and - (not first)")
            }
        }
    }
}
