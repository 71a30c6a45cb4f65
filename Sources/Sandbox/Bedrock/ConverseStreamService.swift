import Foundation
import enum AWS.EventStreamEncoder
import enum HTTP.JSONValue
import HTTPTypes
import Hummingbird
import NIOCore

/// Bedrock Runtime `ConverseStream` for `sandbox.extractive-v1`, answered as real event-stream frames.
struct ConverseStreamService: Sendable {
    let environment: SandboxEnvironment

    func converse(_ request: ReceivedRequest, modelID: String) async -> Response {
        let requestID = Responses.requestID()
        let started = ContinuousClock.now
        let prompt: (text: String, inputTokens: Int)
        do {
            prompt = try await validate(request, modelID: modelID)
        } catch let error as AWSJSONError {
            return Responses.awsJSONError(error, requestID: requestID)
        } catch {
            return Responses.awsJSONError(AWSJSONError(status: .internalServerError, type: "InternalServerException",
                                                       message: "internal error"), requestID: requestID)
        }
        let answer = ExtractiveAnswerer.answer(prompt: prompt.text)
        let chunks = Self.chunks(answer)
        let outputTokens = Self.tokenEstimate(answer)
        let pause = Duration.milliseconds(environment.faults.plan.modelPace ?? 5)
        let headers: HTTPFields = [.contentType: "application/vnd.amazon.eventstream", .amznRequestID: requestID]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            func send(_ type: String, _ payload: JSONValue) async throws {
                try await writer.write(ByteBuffer(bytes: EventStreamEncoder.event(type, payload: payload.serialized())))
            }
            try await send("messageStart", ["role": "assistant"])
            for chunk in chunks {
                try await send("contentBlockDelta", ["contentBlockIndex": 0, "delta": ["text": .string(chunk)]])
                try await Task.sleep(for: pause)
            }
            try await send("contentBlockStop", ["contentBlockIndex": 0])
            try await send("messageStop", ["stopReason": "end_turn"])
            let elapsed = started.duration(to: .now)
            let latency = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            try await send("metadata", [
                "usage": ["inputTokens": .number(Double(prompt.inputTokens)), "outputTokens": .number(Double(outputTokens)),
                          "totalTokens": .number(Double(prompt.inputTokens + outputTokens))],
                "metrics": ["latencyMs": .number(Double(latency))],
            ])
            try await writer.finish(nil)
        })
    }

    private func validate(_ request: ReceivedRequest, modelID: String) async throws -> (text: String, inputTokens: Int) {
        do {
            _ = try await environment.authenticator.authenticate(request, service: "bedrock")
        } catch {
            throw error.jsonError
        }
        let model = modelID.removingPercentEncoding ?? modelID
        guard model == DemoCredentials.extractiveModelID else {
            throw AWSJSONError(status: .badRequest, type: "ValidationException",
                               message: "The provided model identifier is invalid. The sandbox serves only \(DemoCredentials.extractiveModelID).")
        }
        guard let json = JSONValue.parse(request.body), json.objectValue != nil else {
            throw AWSJSONError(status: .badRequest, type: "ValidationException", message: "The request body is not a JSON object.")
        }
        guard let messages = json["messages"]?.arrayValue, !messages.isEmpty else {
            throw AWSJSONError(status: .badRequest, type: "ValidationException", message: "messages must hold at least one message.")
        }
        var userText = ""
        var allText = ""
        for message in messages {
            guard let role = message["role"]?.stringValue, ["user", "assistant"].contains(role),
                  let content = message["content"]?.arrayValue else {
                throw AWSJSONError(status: .badRequest, type: "ValidationException",
                                   message: "Each message needs a role (user or assistant) and a content list.")
            }
            let text = content.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
            allText += text + "\n"
            if role == "user" { userText = text }
        }
        guard messages.last?["role"]?.stringValue == "user" else {
            throw AWSJSONError(status: .badRequest, type: "ValidationException", message: "The last message must come from the user.")
        }
        for block in json["system"]?.arrayValue ?? [] { allText += (block["text"]?.stringValue ?? "") + "\n" }
        return (userText, Self.tokenEstimate(allText))
    }

    /// About three words per four tokens, the usual rule of thumb for English.
    static func tokenEstimate(_ text: String) -> Int {
        (text.split { $0 == " " || $0 == "\n" }.count * 4 + 2) / 3
    }

    /// Splits the answer into deltas of a few words, keeping every character (spaces included).
    static func chunks(_ text: String, wordsPerChunk: Int = 4) -> [String] {
        var chunks: [String] = []
        var current = ""
        var words = 0
        for character in text {
            current.append(character)
            if character == " " {
                words += 1
                if words == wordsPerChunk {
                    chunks.append(current)
                    current = ""
                    words = 0
                }
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }
}
