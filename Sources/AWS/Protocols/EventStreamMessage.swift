import Foundation

/// One message of `application/vnd.amazon.eventstream`: typed headers and an opaque payload.
public struct EventStreamMessage: Sendable, Equatable {
    /// The ten header value types of the format, with their wire type bytes 0…9.
    public enum HeaderValue: Sendable, Equatable {
        case bool(Bool)
        case byte(Int8)
        case int16(Int16)
        case int32(Int32)
        case int64(Int64)
        case bytes([UInt8])
        case string(String)
        /// Milliseconds since the Unix epoch, as on the wire.
        case timestamp(Int64)
        case uuid(UUID)

        /// The string of a `.string` value, else `nil`.
        public var stringValue: String? {
            if case .string(let text) = self { return text }
            return nil
        }
    }

    public var headers: [(name: String, value: HeaderValue)]
    public var payload: [UInt8]

    public init(headers: [(name: String, value: HeaderValue)], payload: [UInt8]) {
        self.headers = headers
        self.payload = payload
    }

    public subscript(header name: String) -> HeaderValue? {
        headers.first { $0.name == name }?.value
    }

    /// `:message-type`: `event`, `exception` or `error`.
    public var messageType: String? { self[header: ":message-type"]?.stringValue }
    public var eventType: String? { self[header: ":event-type"]?.stringValue }
    public var exceptionType: String? { self[header: ":exception-type"]?.stringValue }

    public static func == (lhs: EventStreamMessage, rhs: EventStreamMessage) -> Bool {
        lhs.payload == rhs.payload && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}
