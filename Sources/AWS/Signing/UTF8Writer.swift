/// Appends UTF-8 into a string's own storage while it is being created, so a text assembled
/// from known pieces (a string to sign, an `Authorization` header) costs one allocation.
struct UTF8Writer {
    private let out: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ out: UnsafeMutableBufferPointer<UInt8>) {
        self.out = out
    }

    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) == nil {
            for byte in text.utf8 { append(byte) }
        }
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        precondition(count + bytes.count <= out.count, "UTF8Writer: more bytes than reserved")
        UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: out[count...])).copyMemory(from: bytes)
        count += bytes.count
    }

    mutating func append(_ byte: UInt8) {
        precondition(count < out.count, "UTF8Writer: more bytes than reserved")
        out[count] = byte
        count += 1
    }

    /// Lowercase hex of `bytes`.
    mutating func appendHex(_ bytes: UnsafeRawBufferPointer) {
        precondition(count + 2 * bytes.count <= out.count, "UTF8Writer: more bytes than reserved")
        Hashing.appendHex(bytes, to: UnsafeMutableBufferPointer(rebasing: out[count...]))
        count += 2 * bytes.count
    }
}

extension String {
    /// A string of at most `capacity` UTF-8 bytes, written by `body` in place.
    init(utf8Capacity capacity: Int, _ body: (inout UTF8Writer) -> Void) {
        self.init(unsafeUninitializedCapacity: capacity) { buffer in
            var writer = UTF8Writer(buffer)
            body(&writer)
            return writer.count
        }
    }
}
