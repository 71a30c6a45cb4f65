/// One event of a `text/event-stream` (WHATWG HTML, "Server-sent events").
public struct ServerSentEvent: Sendable, Equatable {
    /// `event:`; "message" when the server names none.
    public var type: String
    public var data: String
    /// The last `id:` seen so far in the stream (it carries over to later events).
    public var lastEventID: String

    public init(type: String = "message", data: String, lastEventID: String = "") {
        self.type = type
        self.data = data
        self.lastEventID = lastEventID
    }
}

/// A line or an event larger than the parser accepts: a broken or hostile server.
public enum ServerSentEventsError: Error, Sendable, Equatable {
    case lineTooLong(limit: Int)
    /// Many `data:` lines without the blank line that ends the event.
    case eventTooLarge(limit: Int)

    public var userMessage: String {
        switch self {
        case .lineTooLong(let limit): return "an event-stream line was longer than \(limit) bytes"
        case .eventTooLarge(let limit): return "an event-stream event carried more than \(limit) bytes of data"
        }
    }
}

/// Parses a `text/event-stream` body fed in arbitrary chunks, as the spec's algorithm does:
/// lines end in CRLF, LF or CR (a CR at the end of one chunk and the LF at the start of the
/// next are one line end); `:` starts a comment; a blank line dispatches the event; a field
/// value loses one leading space; `data` lines join with LF; an event with no data is not
/// dispatched; whatever is pending when the stream ends is discarded.
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var afterCR = false
    private var atStart = true
    private var eventType = ""
    private var data: [UInt8] = []
    private var hasData = false
    private var lastEventID = ""
    /// The longest line kept, and the most data one event collects: more fails the stream
    /// rather than grow without bound.
    public let maximumLineLength: Int
    public let maximumDataLength: Int

    public init(maximumLineLength: Int = 1 << 20, maximumDataLength: Int = 8 << 20) {
        self.maximumLineLength = maximumLineLength
        self.maximumDataLength = maximumDataLength
    }

    /// Feeds bytes and returns the events they completed.
    public mutating func append(_ bytes: some Sequence<UInt8>) throws(ServerSentEventsError) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case 0x0D:
                afterCR = true
                if let event = try endLine() { events.append(event) }
            case 0x0A:
                if let event = try endLine() { events.append(event) }
            default:
                guard line.count < maximumLineLength else { throw .lineTooLong(limit: maximumLineLength) }
                line.append(byte)
            }
        }
        return events
    }

    private mutating func endLine() throws(ServerSentEventsError) -> ServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if atStart {
            atStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }  // a UTF-8 BOM
        }
        if line.isEmpty { return dispatch() }
        if line.first == 0x3A { return nil }  // ":" comment, e.g. keep-alives
        let field: ArraySlice<UInt8>
        var value: ArraySlice<UInt8>
        if let colon = line.firstIndex(of: 0x3A) {
            field = line[..<colon]
            value = line[(colon + 1)...]
            if value.first == 0x20 { value = value.dropFirst() }
        } else {
            field = line[...]
            value = []
        }
        switch String(decoding: field, as: UTF8.self) {
        case "event":
            eventType = String(decoding: value, as: UTF8.self)
        case "data":
            guard data.count + value.count < maximumDataLength else { throw .eventTooLarge(limit: maximumDataLength) }
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
        case "id" where !value.contains(0):
            lastEventID = String(decoding: value, as: UTF8.self)
        default:
            break  // `retry` and unknown fields: nothing for a client that does not reconnect
        }
        return nil
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            eventType = ""
            data.removeAll(keepingCapacity: true)
            hasData = false
        }
        guard hasData else { return nil }
        return ServerSentEvent(type: eventType.isEmpty ? "message" : eventType,
                               data: String(decoding: data, as: UTF8.self), lastEventID: lastEventID)
    }
}
