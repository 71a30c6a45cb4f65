import Foundation

/// The body of a streamed Chat Completions response, fed as it arrives: server-sent events, each
/// one's `data:` read as a chunk, and at the end the check that the answer was not cut short.
public struct ChatCompletionStream: Sendable {
    private var parser = ServerSentEventParser()
    private let decoder = ChatCompletionStreamDecoder()
    /// `data: [DONE]` arrived; whatever follows it is not read.
    public private(set) var isDone = false
    private var hasStopReason = false

    public init() {}

    /// Feeds body bytes and hands each model event they complete to `yield`, in order; the
    /// text before an error in the same bytes is handed over before the error is thrown.
    public mutating func append(_ bytes: some Sequence<UInt8>, _ yield: (ModelEvent) -> Void) throws(ModelError) {
        guard !isDone else { return }
        let events: [ServerSentEvent]
        do {
            events = try parser.append(bytes)
        } catch {
            throw .malformedStream(error.userMessage)
        }
        for event in events {
            let outcome = try decoder.decode(event)
            for modelEvent in outcome.events {
                if case .stopped = modelEvent { hasStopReason = true }
                yield(modelEvent)
            }
            if outcome.isDone {
                isDone = true
                return
            }
        }
    }

    /// The body ended. Without `[DONE]` and without a finish reason the answer was cut off (a
    /// dropped connection or a crashed server), which the caller must hear about rather than
    /// take the text so far for the whole answer. A finish reason without `[DONE]` is accepted:
    /// some llama.cpp forks never send `[DONE]`.
    public func finish() throws(ModelError) {
        guard isDone || hasStopReason else {
            throw .network("the answer broke off before the model finished it (the stream ended without [DONE]); ask again.")
        }
    }
}

/// Turns the `data:` of Chat Completions chunks into model events.
public struct ChatCompletionStreamDecoder: Sendable {
    public struct Outcome: Equatable, Sendable {
        public var events: [ModelEvent] = []
        public var isDone = false
    }

    private struct Chunk: Decodable {
        struct Choice: Decodable {
            struct Delta: Decodable { var content: String? }
            var delta: Delta?
            var finish_reason: String?
        }
        struct Usage: Decodable {
            var prompt_tokens: Int
            var completion_tokens: Int
        }
        /// `{"message": …}` (OpenAI, vLLM) or a bare string (Ollama: `{"error": "…"}`).
        struct Failure: Decodable {
            var message: String?

            init(from decoder: any Decoder) throws {
                if let text = try? decoder.singleValueContainer().decode(String.self) {
                    message = text
                    return
                }
                enum Keys: String, CodingKey { case message }
                message = try decoder.container(keyedBy: Keys.self).decodeIfPresent(String.self, forKey: .message)
            }
        }
        var choices: [Choice]?
        var usage: Usage?
        var error: Failure?
    }

    public init() {}

    public func decode(_ event: ServerSentEvent) throws(ModelError) -> Outcome {
        let data = event.data.trimmingCharacters(in: .whitespaces)
        if data == "[DONE]" { return Outcome(isDone: true) }
        let chunk: Chunk
        do {
            chunk = try JSONDecoder().decode(Chunk.self, from: Data(data.utf8))
        } catch {
            throw .malformedStream("a chunk is not the JSON of a chat completion.")
        }
        if let failure = chunk.error { throw .service(failure.message ?? "the stream reported an error.") }
        var outcome = Outcome()
        for choice in chunk.choices ?? [] {
            if let text = choice.delta?.content, !text.isEmpty { outcome.events.append(.text(text)) }
            if let reason = choice.finish_reason { outcome.events.append(.stopped(reason: reason)) }
        }
        if let usage = chunk.usage {
            outcome.events.append(.usage(ModelUsage(inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens)))
        }
        return outcome
    }
}
