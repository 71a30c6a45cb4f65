import Foundation

/// restJson1 plumbing: JSON bodies with `Content-Type: application/json`, URI labels
/// percent-encoded as botocore does, responses decoded with a typed error on failure.
public enum RestJSON {
    public static let contentType = "application/json"

    /// Encodes a request body. Keys are sorted so bodies are reproducible byte for byte.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    public static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8]) throws(ResponseDecodingError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(body.isEmpty ? Array("{}".utf8) : body))
        } catch let DecodingError.keyNotFound(key, _) {
            throw .missingField(key.stringValue)
        } catch {
            throw .malformedJSON(String(describing: type))
        }
    }

    /// A URI label (`{applicationId}`, `{modelId}`): everything but the unreserved set is
    /// escaped, `/` and `:` included, so an ARN stays one path segment.
    public static func label(_ value: String) -> String {
        URIEncoding.encode(value)
    }

    public static func operation(method: String = "POST", path: String, query: String = "", body: [UInt8],
                                 extraHeaders: [(name: String, value: String)] = []) -> OperationRequest {
        OperationRequest(method: method, path: path, query: query, headers: [("Content-Type", contentType)] + extraHeaders, body: body)
    }
}

/// A strict JSON (RFC 8259) document read straight from bytes, for the one response big enough
/// to matter: a SearchRelevantContent page (100 passages, ~120 KB) decoded through `JSONDecoder`
/// costs about a millisecond of CPU, most of it in the `Decoder` machinery, not in the bytes.
///
/// Anything this reader is not sure about (a malformed document, a lone surrogate escape,
/// invalid UTF-8, a duplicate key, nesting deeper than 128) makes `parse` return `nil`; callers
/// then decode with `JSONDecoder`, so errors and edge cases behave exactly as before.
enum JSONTree: Equatable {
    case null
    case bool(Bool)
    /// The number's text, validated against the JSON grammar; converted where it is used.
    case number(String)
    case string(String)
    case array([JSONTree])
    /// Members in document order.
    case object([(key: String, value: JSONTree)])

    static func == (lhs: JSONTree, rhs: JSONTree) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)), let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    static let maximumDepth = 128

    static func parse(_ bytes: [UInt8]) -> JSONTree? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            reader.skipWhitespace()
            guard let value = reader.value(depth: 0) else { return nil }
            reader.skipWhitespace()
            return reader.position == buffer.count ? value : nil
        }
    }

    /// The value of `key` in an object; `nil` when absent. A key present twice is ambiguous
    /// (decoders disagree on which wins), so the caller must give up on the fast path.
    func member(_ key: String) -> Member {
        guard case .object(let members) = self else { return .notAnObject }
        var found: JSONTree?
        for member in members where member.key == key {
            if found != nil { return .duplicate }
            found = member.value
        }
        return found.map(Member.value) ?? .absent
    }

    enum Member {
        case value(JSONTree)
        case absent
        case duplicate
        case notAnObject
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var scratch: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) -> JSONTree? {
            guard position < bytes.count, depth < JSONTree.maximumDepth else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(JSONTree.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        mutating func literal(_ text: StaticString, _ value: JSONTree) -> JSONTree? {
            let count = text.utf8CodeUnitCount
            guard bytes.count - position >= count else { return nil }
            for offset in 0..<count where bytes[position + offset] != text.utf8Start[offset] { return nil }
            position += count
            return value
        }

        mutating func object(depth: Int) -> JSONTree? {
            position += 1
            var members: [(key: String, value: JSONTree)] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
                position += 1
                skipWhitespace()
                guard let value = value(depth: depth + 1) else { return nil }
                members.append((key, value))
                skipWhitespace()
                guard position < bytes.count else { return nil }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return .object(members)
                } else {
                    return nil
                }
            }
        }

        mutating func array(depth: Int) -> JSONTree? {
            position += 1
            var elements: [JSONTree] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                guard let element = value(depth: depth + 1) else { return nil }
                elements.append(element)
                skipWhitespace()
                guard position < bytes.count else { return nil }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(elements)
                } else {
                    return nil
                }
            }
        }

        /// A string starting at the opening quote. Runs without escapes are copied in one go;
        /// escapes go through `scratch`. All-ASCII text needs no UTF-8 validation.
        mutating func string() -> String? {
            position += 1
            let start = position
            let (end, high) = Self.plainRun(bytes, from: position)
            position = end
            guard position < bytes.count, bytes[position] >= 0x20 else { return nil }
            if bytes[position] == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return high & 0x8080_8080_8080_8080 == 0 ? String(decoding: run, as: UTF8.self) : Self.validated(run)
            }
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return scratch.withUnsafeBufferPointer(Self.validated)
                case UInt8(ascii: "\\"):
                    guard position + 1 < bytes.count else { return nil }
                    let escape = bytes[position + 1]
                    position += 2
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
                    case UInt8(ascii: "b"): scratch.append(0x08)
                    case UInt8(ascii: "f"): scratch.append(0x0C)
                    case UInt8(ascii: "n"): scratch.append(0x0A)
                    case UInt8(ascii: "r"): scratch.append(0x0D)
                    case UInt8(ascii: "t"): scratch.append(0x09)
                    case UInt8(ascii: "u"):
                        guard let scalar = unicodeEscape() else { return nil }
                        scratch.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                default:
                    if byte < 0x20 { return nil }
                    scratch.append(byte)
                    position += 1
                }
            }
            return nil
        }

        /// Where the run of string bytes that need no attention (no `"`, `\\` or control byte)
        /// starting at `start` ends, and the OR of its bytes (bit 7 set: not all ASCII). Eight
        /// bytes at a time while it can: passages are kilobytes of plain text.
        static func plainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, high: UInt64) {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var index = start, high: UInt64 = 0
            let count = bytes.count
            guard let base = bytes.baseAddress else { return (index, 0) }
            let raw = UnsafeRawPointer(base)
            while count - index >= 8 {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
                if special & highs != 0 { break }
                high |= word
                index += 8
            }
            while index < count {
                let byte = base[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                high |= UInt64(byte)
                index += 1
            }
            return (index, high)
        }

        /// UTF-8 text, or `nil` when the bytes are not valid UTF-8.
        static func validated(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            String(validating: bytes, as: UTF8.self)
        }

        /// `XXXX` after `\u`, joining a surrogate pair; a lone surrogate is refused.
        mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let high = hex4() else { return nil }
            if (0xD800...0xDBFF).contains(high) {
                guard bytes.count - position >= 6, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else { return nil }
                position += 2
                guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            }
            return Unicode.Scalar(high)
        }

        mutating func hex4() -> UInt32? {
            guard bytes.count - position >= 4 else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        mutating func number() -> JSONTree? {
            let start = position
            func digits() -> Int {
                let first = position
                while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") { position += 1 }
                return position - first
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
            } else if digits() == 0 {
                return nil
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { return nil }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
                guard digits() > 0 else { return nil }
            }
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
        }
    }
}
