import Foundation

/// Incremental decoder for `application/vnd.amazon.eventstream`.
///
/// Bytes arrive in whatever chunks the network delivers; `append` buffers them and `next()`
/// yields each complete message once all of it is there. Lengths are checked against the
/// format's limits before any allocation, and both CRCs before any header is read, so a
/// hostile or corrupted stream yields an `EventStreamError` and never a crash or a huge buffer.
public struct EventStreamDecoder: Sendable {
    /// Prelude (12) + message CRC (4).
    public static let minimumMessageLength = 16
    /// The limits the AWS SDKs enforce.
    public static let maximumHeadersLength = 128 * 1024
    public static let maximumPayloadLength = 24 * 1024 * 1024

    private var buffer: [UInt8] = []
    private var start = 0

    public init() {}

    public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if start > 0 && start * 2 >= buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message, or `nil` when more bytes are needed.
    public mutating func next() throws(EventStreamError) -> EventStreamMessage? {
        let available = buffer.count - start
        guard available >= 12 else { return nil }
        let total = readUInt32(at: start)
        let headersLength = readUInt32(at: start + 4)
        let preludeCRC = readUInt32(at: start + 8)
        let computedPreludeCRC = CRC32.checksum(buffer[start..<start + 8])
        guard computedPreludeCRC == preludeCRC else {
            throw .preludeChecksumMismatch(expected: preludeCRC, actual: computedPreludeCRC)
        }
        guard Int(total) >= Self.minimumMessageLength,
              Int(headersLength) <= Self.maximumHeadersLength,
              Int(headersLength) <= Int(total) - Self.minimumMessageLength,
              Int(total) - Self.minimumMessageLength - Int(headersLength) <= Self.maximumPayloadLength else {
            throw .invalidLength(total: total, headers: headersLength)
        }
        guard available >= Int(total) else { return nil }
        let end = start + Int(total)
        let messageCRC = readUInt32(at: end - 4)
        let computedMessageCRC = CRC32.checksum(buffer[start..<end - 4])
        guard computedMessageCRC == messageCRC else {
            throw .messageChecksumMismatch(expected: messageCRC, actual: computedMessageCRC)
        }
        let headersStart = start + 12
        let payloadStart = headersStart + Int(headersLength)
        let headers = try Self.decodeHeaders(buffer[headersStart..<payloadStart])
        let payload = Array(buffer[payloadStart..<end - 4])
        start = end
        return EventStreamMessage(headers: headers, payload: payload)
    }

    /// Call when the byte stream has ended: throws if a partial frame is left over.
    public func finish() throws(EventStreamError) {
        let left = buffer.count - start
        if left > 0 { throw .truncatedFrame(buffered: left) }
    }

    private func readUInt32(at offset: Int) -> UInt32 {
        UInt32(buffer[offset]) << 24 | UInt32(buffer[offset + 1]) << 16 | UInt32(buffer[offset + 2]) << 8 | UInt32(buffer[offset + 3])
    }

    static func decodeHeaders(_ bytes: ArraySlice<UInt8>) throws(EventStreamError) -> [(name: String, value: EventStreamMessage.HeaderValue)] {
        var reader = ByteReader(bytes: bytes)
        var headers: [(name: String, value: EventStreamMessage.HeaderValue)] = []
        while !reader.isAtEnd {
            let nameLength = Int(try reader.integer(UInt8.self))
            guard nameLength > 0 else { throw .malformedHeader("empty header name") }
            let name = try reader.utf8(count: nameLength)
            let type = try reader.integer(UInt8.self)
            let value: EventStreamMessage.HeaderValue
            switch type {
            case 0: value = .bool(true)
            case 1: value = .bool(false)
            case 2: value = .byte(Int8(bitPattern: try reader.integer(UInt8.self)))
            case 3: value = .int16(Int16(bitPattern: try reader.integer(UInt16.self)))
            case 4: value = .int32(Int32(bitPattern: try reader.integer(UInt32.self)))
            case 5: value = .int64(Int64(bitPattern: try reader.integer(UInt64.self)))
            case 6: value = .bytes(try reader.bytes(count: Int(try reader.integer(UInt16.self))))
            case 7: value = .string(try reader.utf8(count: Int(try reader.integer(UInt16.self))))
            case 8: value = .timestamp(Int64(bitPattern: try reader.integer(UInt64.self)))
            case 9:
                let raw = try reader.bytes(count: 16)
                value = .uuid(UUID(uuid: (raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
                                          raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14], raw[15])))
            default:
                throw .malformedHeader("unknown value type \(type) for header \(name)")
            }
            headers.append((name, value))
        }
        return headers
    }
}
