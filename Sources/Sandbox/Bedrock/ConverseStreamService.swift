import Foundation
import enum AWS.EventStreamEncoder
import enum HTTP.JSONValue
import HTTPTypes
import Hummingbird
import NIOCore

/// Bedrock Runtime `ConverseStream` for `sandbox.extractive-v1`, answered as real event-stream frames.
///
/// Under `--faults` it can think aloud first (`model-reasoning=on`: `reasoningContent` deltas in
/// a block of their own), stop for another reason (`model-stop=…`) or break off halfway with an
/// exception event (`model-stream-error=…`). Passages sent as `searchResult` blocks with
/// citations enabled are cited natively (`citation` deltas) instead of with `[n]` in the text.
struct ConverseStreamService: Sendable {
    let environment: SandboxEnvironment

    /// What the request asks, once validated.
    struct Asked {
        var prompt: String
        var inputTokens: Int
        /// The last user message's `searchResult` blocks, when citations are enabled on them.
        var searchResults: [NativeCitations.SearchResult] = []
        var question = ""
    }

    /// One frame of the answer.
    enum Frame {
        case event(String, JSONValue)
        case exception(String, JSONValue)
    }

    func converse(_ request: ReceivedRequest, modelID: String) async -> Response {
        let requestID = Responses.requestID()
        let started = ContinuousClock.now
        let asked: Asked
        do {
            asked = try await validate(request, modelID: modelID)
        } catch let error as AWSJSONError {
            return Responses.awsJSONError(error, requestID: requestID)
        } catch {
            return Responses.awsJSONError(AWSJSONError(status: .internalServerError, type: "InternalServerException",
                                                       message: "internal error"), requestID: requestID)
        }
        let scripted = environment.faults.plan.scripted
        let (frames, outputTokens) = Self.frames(asked, scripted: scripted)
        let pause = Duration.milliseconds(environment.faults.plan.modelPace ?? 5)
        let headers: HTTPFields = [.contentType: "application/vnd.amazon.eventstream", .amznRequestID: requestID]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for frame in frames {
                switch frame {
                case .event(let type, let payload):
                    try await writer.write(ByteBuffer(bytes: EventStreamEncoder.event(type, payload: payload.serialized())))
                    if type == "contentBlockDelta" { try await Task.sleep(for: pause) }
                case .exception(let type, let payload):
                    // An exception ends the stream: no stop, no metadata.
                    try await writer.write(ByteBuffer(bytes: EventStreamEncoder.exception(type, payload: payload.serialized())))
                    try await writer.finish(nil)
                    return
                }
            }
            let elapsed = started.duration(to: .now)
            let latency = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            let metadata: JSONValue = [
                "usage": ["inputTokens": .number(Double(asked.inputTokens)), "outputTokens": .number(Double(outputTokens)),
                          "totalTokens": .number(Double(asked.inputTokens + outputTokens))],
                "metrics": ["latencyMs": .number(Double(latency))],
            ]
            try await writer.write(ByteBuffer(bytes: EventStreamEncoder.event("metadata", payload: metadata.serialized())))
            try await writer.finish(nil)
        })
    }

    /// Every frame before `metadata`, and the output token count.
    static func frames(_ asked: Asked, scripted: ScriptedFaults) -> (frames: [Frame], outputTokens: Int) {
        var frames: [Frame] = [.event("messageStart", ["role": "assistant"])]
        var block = 0
        if scripted.reasoning {
            for chunk in chunks("Looking for the sentences that share the most words with the question. ") {
                frames.append(.event("contentBlockDelta", ["contentBlockIndex": .number(0),
                                                           "delta": ["reasoningContent": ["text": .string(chunk)]]]))
            }
            frames.append(.event("contentBlockStop", ["contentBlockIndex": 0]))
            block = 1
        }
        var deltas: [JSONValue] = []
        let answer: String
        if asked.searchResults.isEmpty {
            answer = ExtractiveAnswerer.answer(prompt: asked.prompt)
            deltas = chunks(answer).map { JSONValue.object(["text": .string($0)]) }
        } else {
            let results = asked.searchResults
            answer = ExtractiveAnswerer.answer(prompt: NativeCitations.prompt(results, question: asked.question))
            for part in NativeCitations.parts(of: answer, resultCount: results.count) {
                switch part {
                case .text(let text): deltas += chunks(text).map { JSONValue.object(["text": .string($0)]) }
                case .citation(let index): deltas.append(JSONValue.object(["citation": NativeCitations.citation(results, index: index)]))
                }
            }
        }
        let index = JSONValue.number(Double(block))
        // A stream error breaks off halfway, after some of the answer was sent.
        let cut = scripted.streamError.map { _ in max(1, deltas.count / 2) } ?? deltas.count
        for delta in deltas.prefix(cut) {
            frames.append(.event("contentBlockDelta", ["contentBlockIndex": index, "delta": delta]))
        }
        if let error = scripted.streamError {
            let (type, members) = error.event
            var payload: [String: JSONValue] = [:]
            for (name, value) in members { payload[name] = Int(value).map { JSONValue.number(Double($0)) } ?? JSONValue.string(value) }
            frames.append(.exception(type, .object(payload)))
            return (frames, tokenEstimate(answer) / 2)
        }
        frames.append(.event("contentBlockStop", ["contentBlockIndex": index]))
        frames.append(.event("messageStop", ["stopReason": .string(scripted.stopReason ?? "end_turn")]))
        return (frames, tokenEstimate(answer))
    }

    private func validate(_ request: ReceivedRequest, modelID: String) async throws -> Asked {
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
        try Self.validatePassThrough(json)
        var asked = Asked(prompt: "", inputTokens: 0)
        var allText = ""
        for message in messages {
            guard let role = message["role"]?.stringValue, ["user", "assistant"].contains(role),
                  let content = message["content"]?.arrayValue else {
                throw AWSJSONError(status: .badRequest, type: "ValidationException",
                                   message: "Each message needs a role (user or assistant) and a content list.")
            }
            let text = content.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
            allText += text + "\n"
            if role == "user" {
                asked.prompt = text
                asked.searchResults = try Self.searchResults(in: content)
                allText += asked.searchResults.map { $0.title + "\n" + $0.text }.joined(separator: "\n")
            }
        }
        guard messages.last?["role"]?.stringValue == "user" else {
            throw AWSJSONError(status: .badRequest, type: "ValidationException", message: "The last message must come from the user.")
        }
        asked.question = ExtractiveAnswerer.question(in: asked.prompt)
        for block in json["system"]?.arrayValue ?? [] { allText += (block["text"]?.stringValue ?? "") + "\n" }
        asked.inputTokens = Self.tokenEstimate(allText)
        return asked
    }

    /// `searchResult` blocks with `citations.enabled`; blocks without citations are only context.
    static func searchResults(in content: [JSONValue]) throws -> [NativeCitations.SearchResult] {
        var results: [NativeCitations.SearchResult] = []
        for block in content {
            guard let result = block["searchResult"] else { continue }
            guard let source = result["source"]?.stringValue, let title = result["title"]?.stringValue,
                  let parts = result["content"]?.arrayValue, !parts.isEmpty else {
                throw AWSJSONError(status: .badRequest, type: "ValidationException",
                                   message: "A searchResult block needs source, title and a non-empty content list.")
            }
            guard result["citations"]?["enabled"] == .bool(true) else { continue }
            results.append(NativeCitations.SearchResult(source: source, title: title,
                                                        text: parts.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")))
        }
        return results
    }

    /// `guardrailConfig` and `serviceTier` must have the model's shapes (the sandbox has no
    /// guardrails to apply; `model-stop=guardrail_intervened` plays one that intervenes).
    static func validatePassThrough(_ json: JSONValue) throws {
        if let guardrail = json["guardrailConfig"] {
            let identifier = guardrail["guardrailIdentifier"]?.stringValue ?? ""
            let version = guardrail["guardrailVersion"]?.stringValue ?? ""
            let idOK = !identifier.isEmpty && identifier.count <= 2048
                && (identifier.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) } || identifier.hasPrefix("arn:aws"))
            let versionOK = version == "DRAFT" || (!version.isEmpty && version.count <= 8 && version.first != "0" && version.allSatisfy(\.isNumber))
            guard idOK, versionOK else {
                throw AWSJSONError(status: .badRequest, type: "ValidationException",
                                   message: "guardrailConfig needs a guardrailIdentifier (id or ARN) and a guardrailVersion (a number or DRAFT).")
            }
        }
        if let tier = json["serviceTier"] {
            guard let type = tier["type"]?.stringValue, ["priority", "default", "flex", "reserved"].contains(type) else {
                throw AWSJSONError(status: .badRequest, type: "ValidationException",
                                   message: "serviceTier.type must be one of priority, default, flex, reserved.")
            }
        }
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
