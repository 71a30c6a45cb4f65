import AWS

/// A Bedrock ConverseStream answer as it arrives: `messageStart`, `count` text deltas, `messageStop`.
public enum EventStreamFixtures {
    public static func converseStream(deltas count: Int) -> [UInt8] {
        func event(_ type: String, _ json: String) -> [UInt8] {
            EventStreamEncoder.encode(EventStreamMessage(headers: [
                (":event-type", .string(type)), (":content-type", .string("application/json")), (":message-type", .string("event")),
            ], payload: Array(json.utf8)))
        }
        var bytes = event("messageStart", #"{"role":"assistant","p":"abcdefghijkl"}"#)
        for index in 0..<count {
            bytes += event("contentBlockDelta", #"{"contentBlockIndex":0,"delta":{"text":" token\#(index) of the answer"},"p":"abcdefghijklmnopq"}"#)
        }
        bytes += event("messageStop", #"{"stopReason":"end_turn","p":"abcdefghijklmnopqrstu"}"#)
        return bytes
    }

    /// Decodes every message of `bytes`, fed in 1 KB chunks as a socket would; returns the count.
    public static func decodeAll(_ bytes: [UInt8]) throws -> Int {
        var decoder = EventStreamDecoder()
        var messages = 0
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + 1024)
            decoder.append(bytes[start..<end])
            while try decoder.next() != nil { messages += 1 }
            start = end
        }
        try decoder.finish()
        return messages
    }
}
