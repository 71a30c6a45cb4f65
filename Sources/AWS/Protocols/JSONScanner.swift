import Foundation

/// A strict, forward-only reader of one JSON document (RFC 8259) held in memory, for decoding
/// a response straight into model values: nothing is built that the caller does not ask for.
///
/// The one response big enough to matter is a SearchRelevantContent page (100 passages, ~120
/// KB): through `JSONDecoder` it cost about a millisecond of CPU, mostly `Decoder` machinery,
/// and through a tree of enums about 200 µs, mostly building and freeing the tree.
///
/// Anything the scanner is not sure about (malformed JSON, a lone surrogate escape, invalid
/// UTF-8, an escaped key, nesting deeper than 128) throws `Refused`; callers then decode with
/// `JSONDecoder`, so errors and edge cases behave exactly as they always did.
struct JSONScanner {
    /// The document is not one this scanner reads the way `JSONDecoder` would.
    struct Refused: Error {}

    static let maximumDepth = 128

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    private var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: Structure

    /// Consumes `{` and enters the object.
    mutating func beginObject() throws(Refused) {
        try enter(UInt8(ascii: "{"))
    }

    /// The next member's key (the `:` after it consumed), or `nil` at the closing `}`.
    /// Keys are returned as raw bytes; a key with an escape is refused rather than decoded.
    mutating func nextKey(after members: inout Int) throws(Refused) -> UnsafeBufferPointer<UInt8>? {
        guard try next(closing: UInt8(ascii: "}"), after: &members) else { return nil }
        guard try peek() == UInt8(ascii: "\"") else { throw Refused() }
        position += 1
        let start = position
        let (end, high) = Self.plainRun(bytes, from: position)
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\""), high & 0x8080_8080_8080_8080 == 0 else { throw Refused() }
        position = end + 1
        guard try peek() == UInt8(ascii: ":") else { throw Refused() }
        position += 1
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Consumes `[` and enters the array.
    mutating func beginArray() throws(Refused) {
        try enter(UInt8(ascii: "["))
    }

    /// Whether another element follows (its comma consumed); `false` at the closing `]`.
    mutating func nextElement(after elements: inout Int) throws(Refused) -> Bool {
        try next(closing: UInt8(ascii: "]"), after: &elements)
    }

    private mutating func enter(_ opening: UInt8) throws(Refused) {
        guard try peek() == opening, depth < Self.maximumDepth else { throw Refused() }
        position += 1
        depth += 1
    }

    private mutating func next(closing: UInt8, after count: inout Int) throws(Refused) -> Bool {
        let byte = try peek()
        if byte == closing {
            position += 1
            depth -= 1
            return false
        }
        if count > 0 {
            guard byte == UInt8(ascii: ",") else { throw Refused() }
            position += 1
        }
        count += 1
        return true
    }

    /// Consumes `null` if that is the next value.
    mutating func skipNull() throws(Refused) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// Checks that nothing but whitespace follows the document.
    mutating func finish() throws(Refused) {
        skipWhitespace()
        guard position == bytes.count else { throw Refused() }
    }

    /// Reads and discards one value of any kind, checking it as strictly as the rest.
    mutating func skipValue() throws(Refused) {
        switch try peek() {
        case UInt8(ascii: "{"):
            try beginObject()
            var members = 0
            while try nextKey(after: &members) != nil { try skipValue() }
        case UInt8(ascii: "["):
            try beginArray()
            var elements = 0
            while try nextElement(after: &elements) { try skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }

    // MARK: Scalars

    /// The next value, which must be a string.
    mutating func string() throws(Refused) -> String {
        guard try peek() == UInt8(ascii: "\"") else { throw Refused() }
        position += 1
        let start = position
        let (end, high) = Self.plainRun(bytes, from: position)
        position = end
        guard position < bytes.count, bytes[position] >= 0x20 else { throw Refused() }
        if bytes[position] == UInt8(ascii: "\"") {
            let run = UnsafeBufferPointer(rebasing: bytes[start..<position])
            position += 1
            if high & 0x8080_8080_8080_8080 == 0 { return String(decoding: run, as: UTF8.self) }
            guard let text = String(validating: run, as: UTF8.self) else { throw Refused() }
            return text
        }
        return try escapedString(from: start)
    }

    /// The rest of a string holding an escape: decoded through `scratch`.
    private mutating func escapedString(from start: Int) throws(Refused) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let text = scratch.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else { throw Refused() }
                return text
            case UInt8(ascii: "\\"):
                guard position + 1 < bytes.count else { throw Refused() }
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
                    let scalar = try unicodeEscape()
                    UTF8.encode(scalar) { scratch.append($0) }
                default: throw Refused()
                }
            default:
                guard byte >= 0x20 else { throw Refused() }
                let (end, _) = Self.plainRun(bytes, from: position + 1)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<end]))
                position = end
            }
        }
        throw Refused()
    }

    /// `XXXX` after `\u`, joining a surrogate pair; a lone surrogate is refused.
    private mutating func unicodeEscape() throws(Refused) -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800...0xDBFF).contains(high) {
            guard bytes.count - position >= 6, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw Refused()
            }
            position += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                throw Refused()
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else { throw Refused() }
        return scalar
    }

    private mutating func hex4() throws(Refused) -> UInt32 {
        guard bytes.count - position >= 4 else { throw Refused() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Refused()
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// The next value, which must be a number: its text, checked against the JSON grammar
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func number() throws(Refused) -> String {
        skipWhitespace()
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw Refused() }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if digits() == 0 {
            throw Refused()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw Refused() }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw Refused() }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// The next value, which must be a number, as a `Double` (what `JSONDecoder` gives for it).
    mutating func double() throws(Refused) -> Double {
        let text = try number()
        // Up to 15 digits, no fraction or exponent: the integer is exact as a Double, as
        // `strtod` would give it, without `strtod`'s cost (dates come as epoch seconds).
        if text.utf8.count <= 15, let integer = Int64(text), integer != 0 || text.utf8.first != UInt8(ascii: "-") { return Double(integer) }
        guard let value = Double(text) else { throw Refused() }
        return value
    }

    private mutating func digits() -> Int {
        let first = position
        while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
        return position - first
    }

    private mutating func literal(_ text: StaticString) throws(Refused) {
        let count = text.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw Refused() }
        for offset in 0..<count where bytes[position + offset] != text.utf8Start[offset] { throw Refused() }
        position += count
    }

    // MARK: Bytes

    /// The next byte after whitespace, not consumed.
    private mutating func peek() throws(Refused) -> UInt8 {
        skipWhitespace()
        guard position < bytes.count else { throw Refused() }
        return bytes[position]
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Where the run of string bytes that need no attention (no `"`, `\\` or control byte)
    /// starting at `start` ends, and the OR of its bytes (bit 7 set: not all ASCII). Sixteen
    /// bytes at a time while it can, as two words (`SIMD16` compiled to a generic reduction
    /// here, twenty times slower): passages are kilobytes of plain text.
    static func plainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, high: UInt64) {
        var index = start, high: UInt64 = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return (index, 0) }
        let raw = UnsafeRawPointer(base)
        while count - index >= 16 {
            let first = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
            let special = specialBytes(first), secondSpecial = specialBytes(second)
            if special | secondSpecial != 0 {
                // The lowest flagged byte is exact (the trick's false hits only sit above a
                // true one), so the run ends there; bytes before it still count for `high`.
                if special != 0 { return (index + special.trailingZeroBitCount / 8, high | first & below(special)) }
                return (index + 8 + secondSpecial.trailingZeroBitCount / 8, high | first | second & below(secondSpecial))
            }
            high |= first | second
            index += 16
        }
        while index < count {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            high |= UInt64(byte)
            index += 1
        }
        return (index, high)
    }

    /// A mask of the bytes below the lowest flagged one.
    @inline(__always)
    private static func below(_ flagged: UInt64) -> UInt64 {
        (1 << UInt64(flagged.trailingZeroBitCount & ~7)) &- 1
    }

    /// Non-zero when `word` holds a `"`, a `\\` or a byte below 0x20 (the zero-byte bit trick:
    /// a byte equal to `c` is a zero byte of `word ^ (c * ones)`).
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        return (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)) & highs
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes spell `text` (a key compared without building a `String`).
    func equals(_ text: StaticString) -> Bool {
        guard count == text.utf8CodeUnitCount else { return false }
        guard let base = baseAddress else { return true }
        return memcmp(base, text.utf8Start, count) == 0
    }
}
