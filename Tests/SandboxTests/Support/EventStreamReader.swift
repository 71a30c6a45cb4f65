import AWS
@testable import Sandbox

/// A minimal event-stream reader written for the tests, independent of the encoder: it checks
/// both CRCs and the lengths, and reads string headers.
struct EventStreamReader {
    struct Message {
        var headers: [String: String]
        var payload: [UInt8]
    }

    enum Failure: Error, Equatable { case truncated, preludeCRC, messageCRC, badHeader }

    static func messages(_ bytes: [UInt8]) throws(Failure) -> [Message] {
        var messages: [Message] = []
        var offset = 0
        while offset < bytes.count {
            guard bytes.count - offset >= 16 else { throw .truncated }
            let total = Int(u32(bytes, offset)), headersLength = Int(u32(bytes, offset + 4))
            guard total >= 16, offset + total <= bytes.count else { throw .truncated }
            guard CRC32.checksum(bytes[offset..<offset + 8]) == u32(bytes, offset + 8) else { throw .preludeCRC }
            guard CRC32.checksum(bytes[offset..<offset + total - 4]) == u32(bytes, offset + total - 4) else { throw .messageCRC }
            var headers: [String: String] = [:]
            var cursor = offset + 12
            let headersEnd = cursor + headersLength
            while cursor < headersEnd {
                let nameLength = Int(bytes[cursor])
                let name = String(decoding: bytes[cursor + 1..<cursor + 1 + nameLength], as: UTF8.self)
                cursor += 1 + nameLength
                guard bytes[cursor] == 7 else { throw .badHeader }
                let valueLength = Int(bytes[cursor + 1]) << 8 | Int(bytes[cursor + 2])
                headers[name] = String(decoding: bytes[cursor + 3..<cursor + 3 + valueLength], as: UTF8.self)
                cursor += 3 + valueLength
            }
            messages.append(Message(headers: headers, payload: Array(bytes[headersEnd..<offset + total - 4])))
            offset += total
        }
        return messages
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }
}
