/// Big-endian reads over a slice that fail with `malformedHeader` instead of reading past the end.
struct ByteReader {
    let bytes: ArraySlice<UInt8>
    var offset: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    var isAtEnd: Bool { offset >= bytes.endIndex }

    mutating func integer<T: FixedWidthInteger & UnsignedInteger>(_ type: T.Type) throws(EventStreamError) -> T {
        let size = MemoryLayout<T>.size
        guard bytes.endIndex - offset >= size else { throw .malformedHeader("header runs past its block") }
        var value: T = 0
        for index in offset..<offset + size { value = value << 8 | T(bytes[index]) }
        offset += size
        return value
    }

    mutating func bytes(count: Int) throws(EventStreamError) -> [UInt8] {
        guard bytes.endIndex - offset >= count else { throw .malformedHeader("header runs past its block") }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func utf8(count: Int) throws(EventStreamError) -> String {
        let raw = try bytes(count: count)
        guard let text = String(validating: raw, as: UTF8.self) else { throw .malformedHeader("header text is not UTF-8") }
        return text
    }
}
