/// Encodes `application/vnd.amazon.eventstream` messages, the framing Bedrock streams in:
///
///     [total length u32][headers length u32][prelude CRC32 u32][headers][payload][message CRC32 u32]
///
/// The prelude CRC covers the first 8 bytes; the message CRC covers everything before it. Header
/// values here are all strings (type 7: u16 length, UTF-8 bytes).
public enum EventStreamEncoder {
    public static func message(headers: [(name: String, value: String)], payload: [UInt8]) -> [UInt8] {
        var headerBytes: [UInt8] = []
        for (name, value) in headers {
            let nameBytes = Array(name.utf8), valueBytes = Array(value.utf8)
            precondition(nameBytes.count < 256 && valueBytes.count < 65_536, "event-stream header too long")
            headerBytes.append(UInt8(nameBytes.count))
            headerBytes += nameBytes
            headerBytes.append(7)
            headerBytes += bigEndian(UInt16(valueBytes.count))
            headerBytes += valueBytes
        }
        let total = 12 + headerBytes.count + payload.count + 4
        var out: [UInt8] = []
        out.reserveCapacity(total)
        out += bigEndian(UInt32(total))
        out += bigEndian(UInt32(headerBytes.count))
        out += bigEndian(CRC32.checksum(out))
        out += headerBytes
        out += payload
        out += bigEndian(CRC32.checksum(out))
        return out
    }

    /// An event of a streaming operation: `:message-type event` with its `:event-type`.
    public static func event(_ type: String, payload: [UInt8]) -> [UInt8] {
        message(headers: [(":event-type", type), (":content-type", "application/json"), (":message-type", "event")],
                payload: payload)
    }

    /// A modelled exception in the middle of a stream: `:message-type exception`.
    public static func exception(_ type: String, payload: [UInt8]) -> [UInt8] {
        message(headers: [(":exception-type", type), (":content-type", "application/json"), (":message-type", "exception")],
                payload: payload)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func bigEndian(_ value: UInt16) -> [UInt8] {
        [UInt8(value >> 8), UInt8(value & 0xFF)]
    }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zlib and the event-stream format use it.
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
