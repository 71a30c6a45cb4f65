import Foundation
import TestSupport
import Testing
@testable import Assistant

/// A fixture of Fixtures/sse with the openai SDK's reading of it, and where the WHATWG spec (and
/// so our parser) reads it otherwise.
struct RecordedStream: Sendable {
    let name: String
    let bytes: [UInt8]
    let sdkEvents: [SDKEvent]
    let sdkChat: SDKChat

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/sse")
    static let all: Result<[RecordedStream], FixtureError> = {
        do { return .success(try load()) } catch { return .failure(FixtureError(problem: "\(error)")) }
    }()
    static let names: [String] = ((try? all.get()) ?? []).map(\.name)

    struct FixtureError: Error { var problem: String }

    static func named(_ name: String) throws -> RecordedStream {
        try #require(try all.get().first { $0.name == name })
    }

    private static func load() throws -> [RecordedStream] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sse") }.sorted()
        return try files.map { file in
            let name = String(file.dropLast(".sse".count))
            func read(_ suffix: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name + suffix)) }
            return RecordedStream(name: name, bytes: Array(try read(".sse")),
                                  sdkEvents: try JSONDecoder().decode([SDKEvent].self, from: read(".events.json")),
                                  sdkChat: try JSONDecoder().decode(SDKChat.self, from: read(".chat.json")))
        }
    }

    /// The events the spec dispatches. The SDK's `SSEDecoder` departs from it twice:
    /// - it dispatches a block without data (a lone `retry:`, `event:` or `id:`, and once any
    ///   `id:` was seen, every further blank line), where the spec says "If the data buffer is an
    ///   empty string, set the data buffer and the event type buffer to the empty string and
    ///   return"; the SDK's stream then fails on the empty data as JSON;
    /// - it decodes each line on its own and keeps U+FEFF in the first field name, losing the
    ///   first line, where the spec says "One leading U+FEFF BYTE ORDER MARK character must be
    ///   ignored if any are present".
    func specEvents() throws -> [SDKEvent] {
        switch name {
        case "no-data-blocks":
            // No `data:` line of this fixture is empty, so every empty-data event is such a block.
            let spec = sdkEvents.filter { !$0.data.isEmpty }
            try #require(spec.count < sdkEvents.count, "the SDK now follows the spec here: drop this exception")
            return spec
        case "bom":
            let first = #"{"id":"k1","object":"chat.completion.chunk","created":2,"model":"m","choices":[{"index":0,"delta":{"content":"Byte order"},"finish_reason":null}]}"#
            try #require(sdkEvents.first?.data != first, "the SDK now follows the spec here: drop this exception")
            return [SDKEvent(ServerSentEvent(data: first))] + sdkEvents
        default:
            return sdkEvents
        }
    }

    /// What a caller should get. As for events, plus: the SDK ends a stream cut off before any
    /// finish reason and without `[DONE]` quietly, as if the partial text were the answer; we
    /// fail it with a network error instead.
    func specAnswer() throws -> Answer {
        var answer = Answer(text: sdkChat.text, finishReasons: sdkChat.finishReasons,
                            usage: sdkChat.usage.map { ModelUsage(inputTokens: $0.prompt_tokens, outputTokens: $0.completion_tokens) })
        switch name {
        case "no-data-blocks":
            try #require(sdkChat.error?.type == "JSONDecodeError", "the SDK now follows the spec here: drop this exception")
            return Answer(text: "Nothing to see", finishReasons: ["stop"])
        case "bom":
            answer.text = "Byte order" + answer.text
            return answer
        default:
            break
        }
        if let failure = sdkChat.error {
            try #require(failure.type == "APIError", "the SDK raised \(failure.type): \(failure.message)")
            answer.error = .service(failure.message)
        } else if answer.finishReasons.isEmpty && !sdkEvents.contains(where: { $0.data.hasPrefix("[DONE]") }) {
            answer.error = .network("the answer broke off before the model finished it (the stream ended without [DONE]); ask again.")
        }
        return answer
    }
}

/// Ways to split a body into reads: whole, byte by byte, and random cuts (seeded, so a failure
/// repeats).
enum Chunking {
    static func all(for bytes: [UInt8], seed: UInt64) -> [[ArraySlice<UInt8>]] {
        var generator = SplitMix64(seed: seed)
        var splits = [[bytes[...]], fixed(bytes, size: 1), fixed(bytes, size: 7)]
        for _ in 0..<20 {
            var chunks: [ArraySlice<UInt8>] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 1 + Int(generator.next() % 64))
                chunks.append(bytes[start..<end])
                start = end
            }
            splits.append(chunks)
        }
        return splits
    }

    static func fixed(_ bytes: [UInt8], size: Int) -> [ArraySlice<UInt8>] {
        stride(from: 0, to: bytes.count, by: size).map { bytes[$0..<min($0 + size, bytes.count)] }
    }
}
