import Foundation

/// Writes event-stream messages: the one encoder, used by tests and by the sandbox, which
/// streams model answers to clients exactly as Bedrock does.
public enum EventStreamEncoder {
    /// An event of a streaming operation (`:message-type event`) with a JSON payload, as
    /// Bedrock's `ConverseStream` sends each part of an answer.
    public static func event(_ type: String, payload: [UInt8]) -> [UInt8] {
        encode(EventStreamMessage(headers: [(":event-type", .string(type)), (":content-type", .string("application/json")),
                                            (":message-type", .string("event"))], payload: payload))
    }

    /// A modelled exception inside a stream (`:message-type exception`), e.g. Bedrock's
    /// `throttlingException`: the stream's last message.
    public static func exception(_ type: String, payload: [UInt8]) -> [UInt8] {
        encode(EventStreamMessage(headers: [(":exception-type", .string(type)), (":content-type", .string("application/json")),
                                            (":message-type", .string("exception"))], payload: payload))
    }

    public static func encode(_ message: EventStreamMessage) -> [UInt8] {
        var headerBytes: [UInt8] = []
        for (name, value) in message.headers {
            let nameBytes = Array(name.utf8)
            headerBytes.append(UInt8(truncatingIfNeeded: nameBytes.count))
            headerBytes += nameBytes
            switch value {
            case .bool(let flag): headerBytes.append(flag ? 0 : 1)
            case .byte(let byte): headerBytes += [2, UInt8(bitPattern: byte)]
            case .int16(let number): headerBytes.append(3); append(UInt16(bitPattern: number), to: &headerBytes)
            case .int32(let number): headerBytes.append(4); append(UInt32(bitPattern: number), to: &headerBytes)
            case .int64(let number): headerBytes.append(5); append(UInt64(bitPattern: number), to: &headerBytes)
            case .bytes(let raw):
                headerBytes.append(6); append(UInt16(truncatingIfNeeded: raw.count), to: &headerBytes); headerBytes += raw
            case .string(let text):
                let raw = Array(text.utf8)
                headerBytes.append(7); append(UInt16(truncatingIfNeeded: raw.count), to: &headerBytes); headerBytes += raw
            case .timestamp(let millis): headerBytes.append(8); append(UInt64(bitPattern: millis), to: &headerBytes)
            case .uuid(let uuid):
                headerBytes.append(9)
                withUnsafeBytes(of: uuid.uuid) { headerBytes += $0 }
            }
        }
        let total = 12 + headerBytes.count + message.payload.count + 4
        var out: [UInt8] = []
        out.reserveCapacity(total)
        append(UInt32(total), to: &out)
        append(UInt32(headerBytes.count), to: &out)
        append(CRC32.checksum(out), to: &out)
        out += headerBytes
        out += message.payload
        append(CRC32.checksum(out), to: &out)
        return out
    }

    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes += $0 }
    }
}
