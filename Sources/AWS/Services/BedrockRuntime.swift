import Foundation

/// Amazon Bedrock Runtime's `ConverseStream`: a restJson1 request answered with an event stream.
public struct BedrockRuntime: Sendable {
    public let client: AWSServiceClient

    public init(client: AWSServiceClient) {
        self.client = client
    }

    /// Starts the answer and returns its events as they arrive. An in-stream exception ends the
    /// stream with an `AWSError`; malformed frames end it with an `EventStreamError`. Cancelling
    /// the consuming task (or dropping the stream) closes the connection.
    public func converseStream(_ request: ConverseStreamRequest) async throws -> AsyncThrowingStream<ConverseStreamEvent, any Error> {
        try request.validate()
        let response = try await client.stream(try Self.operation(request))
        let (events, continuation) = AsyncThrowingStream<ConverseStreamEvent, any Error>.makeStream()
        let service = client.service.signingName
        let pump = Task {
            var decoder = EventStreamDecoder()
            do {
                for try await chunk in response.body {
                    decoder.append(chunk)
                    while let message = try decoder.next() {
                        if let event = try Self.event(from: message, service: service) { continuation.yield(event) }
                    }
                }
                try decoder.finish()
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in pump.cancel() }
        return events
    }

    /// `POST /model/{modelId}/converse-stream` (exposed for serialisation tests).
    public static func operation(_ request: ConverseStreamRequest) throws -> OperationRequest {
        RestJSON.operation(path: "/model/\(RestJSON.label(request.modelID))/converse-stream", body: try RestJSON.encode(request),
                           extraHeaders: [("Accept", "application/vnd.amazon.eventstream")])
    }

    /// Turns one decoded message into an event; unknown event types are skipped (the model may
    /// add kinds), exceptions become `AWSError`s named like their HTTP counterparts.
    static func event(from message: EventStreamMessage, service: String) throws -> ConverseStreamEvent? {
        switch message.messageType {
        case "exception", "error":
            let raw = message.exceptionType ?? message[header: ":error-code"]?.stringValue ?? "UnknownException"
            let code = raw.prefix(1).uppercased() + raw.dropFirst()
            let object = JSONValue.parse(message.payload)?.objectValue ?? [:]
            var error = AWSErrorParser.fromJSON(object, typeHeader: code, service: service, statusCode: nil)
            if error.message == nil { error.message = message[header: ":error-message"]?.stringValue }
            throw error
        case "event":
            break
        default:
            return nil
        }
        let payload = message.payload.isEmpty ? Array("{}".utf8) : message.payload
        guard let object = JSONValue.parse(payload)?.objectValue else { throw ResponseDecodingError.malformedJSON("event \(message.eventType ?? "?")") }
        let index = object["contentBlockIndex"]?.intValue ?? 0
        switch message.eventType {
        case "messageStart":
            return .messageStart(role: object["role"]?.stringValue ?? "assistant")
        case "contentBlockStart":
            return .contentBlockStart(index: index)
        case "contentBlockDelta":
            guard let delta = object["delta"]?.objectValue else { return nil }
            if let text = delta["text"]?.stringValue { return .contentBlockDelta(index: index, text: text) }
            if let reasoning = delta["reasoningContent"]?.objectValue {
                // Redacted reasoning and signatures carry no text to show.
                return reasoning["text"]?.stringValue.map { ConverseStreamEvent.reasoningDelta(index: index, text: $0) }
            }
            if let citation = delta["citation"]?.objectValue {
                let location = citation["location"]?["searchResultLocation"]
                let texts = (citation["sourceContent"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }
                return .citationDelta(index: index, CitationDelta(
                    title: citation["title"]?.stringValue, source: citation["source"]?.stringValue,
                    searchResultIndex: location?["searchResultIndex"]?.intValue, sourceText: texts))
            }
            return nil
        case "contentBlockStop":
            return .contentBlockStop(index: index)
        case "messageStop":
            return .messageStop(stopReason: object["stopReason"]?.stringValue ?? "unknown")
        case "metadata":
            let usage = object["usage"].flatMap { usage -> TokenUsage? in
                guard let input = usage["inputTokens"]?.intValue, let output = usage["outputTokens"]?.intValue else { return nil }
                return TokenUsage(inputTokens: input, outputTokens: output, totalTokens: usage["totalTokens"]?.intValue ?? input + output)
            }
            let latency = object["metrics"]?["latencyMs"]?.intValue
            return .metadata(usage: usage, latencyMilliseconds: latency)
        default:
            return nil
        }
    }
}
