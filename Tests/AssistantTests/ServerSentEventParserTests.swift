import Testing
@testable import Assistant

@Suite("Server-sent events, as the WHATWG algorithm reads them")
struct ServerSentEventParserTests {
    func events(_ chunks: [String]) throws -> [ServerSentEvent] {
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        for chunk in chunks { events += try parser.append(Array(chunk.utf8)) }
        return events
    }

    @Test("A blank line dispatches the data lines before it, joined with newlines")
    func multiLineData() throws {
        #expect(try events(["data: one\ndata: two\n\n"]) == [ServerSentEvent(data: "one\ntwo")])
    }

    @Test("Events split at any byte, CRLF split between chunks included, come out the same")
    func arbitraryChunking() throws {
        let stream = "event: delta\r\ndata: {\"a\":1}\r\n\r\ndata: é 日本\r\n\r\n"
        let whole = try events([stream])
        #expect(whole == [ServerSentEvent(type: "delta", data: "{\"a\":1}"), ServerSentEvent(data: "é 日本")])
        let bytes = Array(stream.utf8)
        for split in 1..<bytes.count {
            var parser = ServerSentEventParser()
            let parsed = try parser.append(bytes[..<split]) + parser.append(bytes[split...])
            #expect(parsed == whole, "split at \(split)")
        }
    }

    @Test("Lone CR ends a line, comments are skipped, and one leading space is removed")
    func crCommentsAndSpaces() throws {
        #expect(try events([": keep-alive\rdata:  two spaces\r\r"]) == [ServerSentEvent(data: " two spaces")])
    }

    @Test("An event without data is not dispatched, and an unfinished one at the end is dropped")
    func noDataNoEvent() throws {
        #expect(try events(["event: ping\n\n", "data: half"]).isEmpty)
    }

    @Test("The last event id carries over to later events; a BOM at the start is ignored")
    func idAndBOM() throws {
        let parsed = try events(["\u{FEFF}id: 7\ndata: a\n\ndata: b\n\n"])
        #expect(parsed.map(\.lastEventID) == ["7", "7"])
        #expect(parsed.map(\.data) == ["a", "b"])
    }

    @Test("A line longer than the limit fails instead of growing without bound")
    func lineLimit() {
        var parser = ServerSentEventParser(maximumLineLength: 16)
        #expect(throws: ServerSentEventsError.lineTooLong(limit: 16)) { try parser.append(Array(String(repeating: "x", count: 17).utf8)) }
    }

    @Test("Data lines piling up without the blank line that ends the event fail too")
    func dataLimit() {
        var parser = ServerSentEventParser(maximumLineLength: 16, maximumDataLength: 32)
        #expect(throws: ServerSentEventsError.eventTooLarge(limit: 32)) {
            try parser.append(Array(String(repeating: "data: 0123456789\n", count: 4).utf8))
        }
    }
}

@Suite("A streamed Chat Completions body, from bytes to model events")
struct ChatCompletionStreamTests {
    static func chunk(_ content: String) -> String {
        #"data: {"choices":[{"index":0,"delta":{"content":"\#(content)"},"finish_reason":null}]}"# + "\n\n"
    }

    @Test("Text that arrived before an error in the same read is handed over before the error")
    func textBeforeError() {
        var body = ChatCompletionStream()
        var events: [ModelEvent] = []
        #expect(throws: ModelError.service("overloaded")) {
            try body.append(Array((Self.chunk("Half") + #"data: {"error":{"message":"overloaded"}}"# + "\n\n").utf8)) { events.append($0) }
        }
        #expect(events == [.text("Half")])
    }

    @Test("A body that ends before a finish reason and [DONE] was cut off: a network error, not an answer")
    func cutOff() throws {
        var body = ChatCompletionStream()
        try body.append(Array(Self.chunk("Half").utf8)) { _ in }
        #expect(throws: ModelError.self) { try body.finish() }
    }

    @Test("A finish reason without [DONE] is a whole answer; nothing after [DONE] is read")
    func finishWithoutDone() throws {
        var finished = ChatCompletionStream()
        try finished.append(Array((#"data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"# + "\n\n").utf8)) { _ in }
        try finished.finish()
        var done = ChatCompletionStream()
        var events: [ModelEvent] = []
        try done.append(Array(("data: [DONE]\n\n" + Self.chunk("late")).utf8)) { events.append($0) }
        #expect(done.isDone && events.isEmpty)
        try done.finish()
    }
}

@Suite("Chat Completions chunks become model events")
struct ChatCompletionStreamDecoderTests {
    let decoder = ChatCompletionStreamDecoder()

    @Test("Deltas, the finish reason and usage are read; [DONE] ends the stream")
    func decodes() throws {
        let delta = try decoder.decode(ServerSentEvent(data: #"{"choices":[{"index":0,"delta":{"content":"Hi [1]"},"finish_reason":null}]}"#))
        #expect(delta.events == [.text("Hi [1]")])
        let stop = try decoder.decode(ServerSentEvent(data: #"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#))
        #expect(stop.events == [.stopped(reason: "stop")])
        let usage = try decoder.decode(ServerSentEvent(data: #"{"choices":[],"usage":{"prompt_tokens":120,"completion_tokens":8,"total_tokens":128}}"#))
        #expect(usage.events == [.usage(ModelUsage(inputTokens: 120, outputTokens: 8))])
        #expect(try decoder.decode(ServerSentEvent(data: "[DONE]")).isDone)
    }

    @Test("An error object in the stream and a chunk that is not JSON are typed errors")
    func errors() {
        #expect(throws: ModelError.service("overloaded")) { try decoder.decode(ServerSentEvent(data: #"{"error":{"message":"overloaded"}}"#)) }
        // Ollama sends the message as a bare string.
        #expect(throws: ModelError.service("model requires more system memory")) {
            try decoder.decode(ServerSentEvent(data: #"{"error":"model requires more system memory"}"#))
        }
        #expect(throws: ModelError.self) { try decoder.decode(ServerSentEvent(data: "not json")) }
    }

    @Test("The request streams, asks for usage, and sends earlier exchanges before the prompt")
    func requestBody() throws {
        let body = OpenAIChatModel.body(ModelRequest(prompt: "P", history: [.init(question: "Q1", answer: "A1")]), modelID: "llama3")
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains(#""stream":true"#))
        #expect(text.contains(#""include_usage":true"#))
        #expect(text.contains(#""messages":[{"content":"Q1","role":"user"},{"content":"A1","role":"assistant"},{"content":"P","role":"user"}]"#))
    }

    @Test("A key in an error message is redacted")
    func redaction() {
        let error = ModelError(redacting: .service("Incorrect API key provided: sk-secret-123"), key: "sk-secret-123")
        #expect(!error.userMessage.contains("sk-secret-123"))
    }

    @Test("A base URL that is not http(s) is a configuration error")
    func badBaseURL() {
        #expect(throws: ModelError.self) { try OpenAIChatModel(modelID: "m", baseURL: "file:///etc", apiKey: nil) }
    }
}
