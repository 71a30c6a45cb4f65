import AWS
import Foundation

/// `{"command":"eventstream","chunks_b64":[…]}` → `{"messages":[{headers:[[name,type,value]], payload_b64}], "error": null|kind}`.
/// Chunks are fed one by one, as a network would deliver them.
enum EventStreamCommand {
    static func run(_ command: [String: Any]) -> Any {
        var decoder = EventStreamDecoder()
        var messages: [[String: Any]] = []
        do {
            for chunk in command["chunks_b64"] as? [String] ?? [] {
                decoder.append([UInt8](Data(base64Encoded: chunk) ?? Data()))
                while let message = try decoder.next() { messages.append(render(message)) }
            }
            try decoder.finish()
            return ["messages": messages, "error": NSNull()]
        } catch {
            return ["messages": messages, "error": kind(error)]
        }
    }

    static func kind(_ error: EventStreamError) -> String {
        switch error {
        case .preludeChecksumMismatch: return "prelude_crc"
        case .messageChecksumMismatch: return "message_crc"
        case .truncatedFrame: return "truncated"
        case .invalidLength: return "invalid_length"
        case .malformedHeader: return "malformed_header"
        }
    }

    static func render(_ message: EventStreamMessage) -> [String: Any] {
        let headers: [[Any]] = message.headers.map { header in
            switch header.value {
            case .bool(let flag): return [header.name, flag ? 0 : 1, flag]
            case .byte(let value): return [header.name, 2, Int(value)]
            case .int16(let value): return [header.name, 3, Int(value)]
            case .int32(let value): return [header.name, 4, Int(value)]
            case .int64(let value): return [header.name, 5, value]
            case .bytes(let raw): return [header.name, 6, Data(raw).base64EncodedString()]
            case .string(let text): return [header.name, 7, text]
            case .timestamp(let millis): return [header.name, 8, millis]
            case .uuid(let uuid): return [header.name, 9, uuid.uuidString.replacingOccurrences(of: "-", with: "").lowercased()]
            }
        }
        return ["headers": headers, "payload_b64": Data(message.payload).base64EncodedString()]
    }
}
