/// A request that breaks a constraint of the service model, caught before anything is sent.
///
/// Checking locally turns a round trip and a terse `ValidationException` into a message that
/// names the field and the rule, and keeps malformed input (a 37-character id pasted with a
/// trailing space) from ever reaching AWS. The value itself is not repeated: it may be a token.
public struct ParameterValidationError: Error, Sendable, Equatable {
    public let field: String
    public let rule: String

    public init(field: String, rule: String) {
        self.field = field
        self.rule = rule
    }

    public var userMessage: String { "\(field) is invalid: it must be \(rule)." }
}

/// The constraint checks the services' models declare, shared by the clients.
enum ParameterRules {
    static func length(_ value: String, _ range: ClosedRange<Int>, field: String) throws(ParameterValidationError) {
        guard range.contains(value.count) else {
            throw ParameterValidationError(field: field, rule: "\(range.lowerBound)–\(range.upperBound) characters long")
        }
    }

    static func range(_ value: Int, _ range: ClosedRange<Int>, field: String) throws(ParameterValidationError) {
        guard range.contains(value) else {
            throw ParameterValidationError(field: field, rule: "between \(range.lowerBound) and \(range.upperBound)")
        }
    }

    /// Q Business application, retriever and similar ids: `[a-zA-Z0-9][a-zA-Z0-9-]{35}`.
    static func resourceID(_ value: String, field: String) throws(ParameterValidationError) {
        let bytes = Array(value.utf8)
        func isAlnum(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        guard bytes.count == 36, isAlnum(bytes[0]), bytes.dropFirst().allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: "-") }) else {
            throw ParameterValidationError(field: field, rule: "36 characters: a letter or digit, then letters, digits or hyphens")
        }
    }

    /// Every character passes `allowed`.
    static func characters(_ value: String, field: String, rule: String, allowed: (Unicode.Scalar) -> Bool) throws(ParameterValidationError) {
        guard value.unicodeScalars.allSatisfy(allowed) else { throw ParameterValidationError(field: field, rule: rule) }
    }

    /// `\w` in the models' Java-style patterns: ASCII letters, digits and underscore.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
    }

    /// `[\p{L}\p{Z}\p{N}_.:/=+\-@]`, the STS tag key/value alphabet.
    static func isTagCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return "_.:/=+-@".unicodeScalars.contains(scalar)
        }
    }
}
