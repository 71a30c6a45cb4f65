/// Byte-level ASCII rules for the signer's hot path. Each one agrees with the `String`
/// operation it replaces on ASCII text; callers send anything else down the `String` path.
enum ASCII {
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    @inline(__always)
    static func uppercased(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "a") < 26 ? byte & ~0x20 : byte
    }

    /// The whitespace `CanonicalRequest.collapseWhitespace` splits on, byte by byte.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Bit 0: `text` may hold whitespace (it has a byte at or below a space: every whitespace
    /// byte is one, so a control byte only sends the value through the collapsing copy, which
    /// leaves it alone); bit 1: a byte outside ASCII. Eight bytes at a time: session tokens are
    /// hundreds of bytes and go into every signature.
    static func scan(_ text: String) -> UInt8 {
        text.withUTF8Buffer(scan)
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var low: UInt64 = 0, high: UInt64 = 0, index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while bytes.count - index >= 8 {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                high |= word
                // A byte below 0x21 leaves its top bit set here (the "has less than" bit trick).
                low |= (word &- ones &* 0x21) & ~word
                index += 8
            }
        }
        var result: UInt8 = (low & highs != 0 ? 1 : 0) | (high & highs != 0 ? 2 : 0)
        while index < bytes.count {
            let byte = bytes[index]
            if byte <= 0x20 { result |= 1 }
            if byte >= 0x80 { result |= 2 }
            index += 1
        }
        return result
    }

    /// A header name written without the `String` rules: non-empty ASCII with no space or
    /// tab at either end (those `CanonicalRequest.canonicalHeaders` trims).
    static func isToken(_ name: String) -> Bool {
        name.withUTF8Buffer { bytes in
            guard let first = bytes.first, let last = bytes.last,
                  first != 0x20, first != 0x09, last != 0x20, last != 0x09 else { return false }
            return scan(bytes) & 2 == 0
        }
    }

    /// Whether `name`, lowercased, is one of `names` (all lowercase). Non-ASCII names take
    /// Unicode lowercasing, as `String.lowercased()` would give them.
    static func lowercased(_ name: String, isIn names: Set<String>) -> Bool {
        guard scan(name) & 2 == 0 else { return names.contains(name.lowercased()) }
        return names.contains { equalsIgnoringCase(name, $0) }
    }

    /// Case-insensitive equality of two ASCII strings.
    static func equalsIgnoringCase(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return zip(lhs.utf8, rhs.utf8).allSatisfy { lowercased($0) == lowercased($1) }
    }
}

extension String {
    /// Runs `body` on the UTF-8 bytes in place (native strings always have them contiguous).
    func withUTF8Buffer<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        utf8.withContiguousStorageIfAvailable(body) ?? Array(utf8).withUnsafeBufferPointer(body)
    }
}
