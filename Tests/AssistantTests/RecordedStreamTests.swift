import Foundation
import TestSupport
import Testing
@testable import Assistant

/// Streams in the wire shapes OpenAI, Ollama, vLLM and llama.cpp send, and the hard cases of the
/// event-stream format (Fixtures/sse/README.md), each beside what the official `openai` Python
/// SDK makes of it: NAME.events.json from its `SSEDecoder`, NAME.chat.json from
/// `chat.completions.create(stream=True)`. Interop/openai/run.sh regenerates both with the SDK
/// and fails when they differ from the committed ones.
@Suite("Recorded streams read as the openai SDK reads them, except where it departs from WHATWG")
struct RecordedStreamTests {
    @Test("Every recorded stream has the SDK's expectations beside it")
    func fixturesLoad() throws {
        let streams = try RecordedStream.all.get()
        let names = try FileManager.default.contentsOfDirectory(atPath: RecordedStream.directory.path).filter { $0.hasSuffix(".sse") }
        #expect(streams.count == names.count)
        #expect(streams.count >= 15)
    }

    @Test("The parser yields the SDK's events, however the bytes are split", arguments: RecordedStream.names)
    func sameEventsAsTheSDK(_ name: String) throws {
        let stream = try RecordedStream.named(name)
        let expected = try stream.specEvents()
        for chunks in Chunking.all(for: stream.bytes, seed: UInt64(name.utf8.count)) {
            var parser = ServerSentEventParser()
            var events: [ServerSentEvent] = []
            for chunk in chunks { events += try parser.append(chunk) }
            #expect(events.map { SDKEvent($0) } == expected, "\(name) in \(chunks.count) chunks")
        }
    }

    @Test("Decoding gives the SDK's text, finish reason, usage and error, however the bytes are split", arguments: RecordedStream.names)
    func sameAnswerAsTheSDK(_ name: String) throws {
        let stream = try RecordedStream.named(name)
        let expected = try stream.specAnswer()
        for chunks in Chunking.all(for: stream.bytes, seed: UInt64(name.utf8.count)) {
            var answer = Answer()
            var body = ChatCompletionStream()
            do throws(ModelError) {
                for chunk in chunks { try body.append(chunk) { answer.add($0) } }
                try body.finish()
            } catch {
                answer.error = error
            }
            #expect(answer == expected, "\(name) in \(chunks.count) chunks")
        }
    }

    @Test("Served over HTTP, the model streams the same answer and ends, with a typed error when it must",
          arguments: RecordedStream.names)
    func sameAnswerOverHTTP(_ name: String) async throws {
        let stream = try RecordedStream.named(name)
        let expected = try stream.specAnswer()
        let chunks = Chunking.fixed(stream.bytes, size: 5).map(Array.init)
        try await LocalHTTPServer.with({ _ in
            .stream(status: 200, headers: [("Content-Type", "text/event-stream")], chunks: chunks)
        }) { server in
            let model = try OpenAIChatModel(modelID: "m", baseURL: server.baseURL + "/v1", apiKey: "sk-fixture")
            var answer = Answer()
            do {
                for try await event in model.answer(ModelRequest(prompt: "q")) { answer.add(event) }
            } catch let error as ModelError {
                answer.error = error
            }
            #expect(answer == expected)
        }
    }
}

/// What a caller gets from a stream, in the SDK's terms.
struct Answer: Equatable {
    var text = ""
    var finishReasons: [String] = []
    var usage: ModelUsage?
    var error: ModelError?

    mutating func add(_ event: ModelEvent) {
        switch event {
        case .text(let delta): text += delta
        case .stopped(let reason): finishReasons.append(reason)
        case .usage(let reported): usage = reported
        }
    }
}

/// One `ServerSentEvent` as the SDK reports it: no `event:` is nil (the spec's "message"), no
/// `id:` yet is nil (the spec's empty string). `retry` is not compared: it sets the reconnection
/// time, which a client that never reconnects has no use for, so our parser skips it.
struct SDKEvent: Decodable, Equatable, Sendable, CustomStringConvertible {
    var event: String
    var data: String
    var id: String

    init(_ event: ServerSentEvent) {
        self.event = event.type
        self.data = event.data
        self.id = event.lastEventID
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        event = try container.decodeIfPresent(String.self, forKey: .event) ?? "message"
        data = try container.decode(String.self, forKey: .data)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
    }

    private enum CodingKeys: String, CodingKey { case event, data, id }
    var description: String { "(\(event), \(data.debugDescription), id \(id.debugDescription))" }
}

struct SDKChat: Decodable, Sendable {
    struct Usage: Decodable, Sendable {
        var prompt_tokens: Int
        var completion_tokens: Int
    }
    struct Failure: Decodable, Sendable {
        var type: String
        var message: String
    }
    var text: String
    var finishReasons: [String]
    var usage: Usage?
    var error: Failure?
}
