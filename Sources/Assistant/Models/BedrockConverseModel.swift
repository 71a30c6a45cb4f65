import Accessor
import AWS
import Foundation
import Logging

/// A model on Amazon Bedrock, asked through `ConverseStream`.
///
/// Signed with the ISV's **base** credentials: the model runs in the ISV's account, and the
/// identity-aware credentials of the TTI exchange are for the customer's Q index only.
public struct BedrockConverseModel: ModelBackend {
    public let modelID: String
    let runtime: BedrockRuntime
    let options: Options

    /// How citations are asked for, and what `ConverseStream` passes through unchanged.
    public struct Options: Sendable, Equatable {
        /// `[model] citations`: `markers` asks for `[n]` in the prompt; `native` sends the
        /// passages as `searchResult` blocks with citations enabled and turns the model's
        /// citation deltas into the same `[n]` markers.
        public enum Citations: String, Sendable, CaseIterable { case markers, native }

        public var citations: Citations
        public var guardrail: GuardrailConfiguration?
        public var serviceTier: ServiceTier?

        public init(citations: Citations = .markers, guardrail: GuardrailConfiguration? = nil, serviceTier: ServiceTier? = nil) {
            self.citations = citations
            self.guardrail = guardrail
            self.serviceTier = serviceTier
        }
    }

    public var modelName: String { modelID }

    /// - Parameters:
    ///   - account: the ISV's AWS identity; only its base credentials are used.
    ///   - region: the Bedrock region (`[model].region`, default `[aws].region`).
    ///   - logger: where each request goes with `--debug` (method, host, path, status, latency, request id).
    public init(modelID: String, region: String, account: ISVAccount, endpoints: EndpointResolver,
                transport: any HTTPTransport, options: Options = Options(),
                logger: Logger = Logger(label: "qseek.bedrock")) throws(ModelError) {
        guard !modelID.isEmpty else { throw .configuration("set [model].model_id to a Bedrock model id.") }
        let endpoint: Endpoint
        do {
            endpoint = try endpoints.endpoint(for: .bedrockRuntime, region: region)
        } catch {
            throw .configuration(error.userMessage)
        }
        // Answers stream for a while; the timeout bounds the wait for the response head.
        let client = AWSServiceClient(service: .bedrockRuntime, region: region, endpoint: endpoint,
                                      credentials: account.baseCredentials, transport: transport, timeout: .seconds(120),
                                      logger: logger)
        self.init(modelID: modelID, runtime: BedrockRuntime(client: client), options: options)
    }

    init(modelID: String, runtime: BedrockRuntime, options: Options = Options()) {
        self.modelID = modelID
        self.runtime = runtime
        self.options = options
    }

    public func answer(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error> {
        let converse = Self.converseRequest(request, modelID: modelID, options: options)
        let runtime = self.runtime
        let modelID = self.modelID
        let (events, continuation) = AsyncThrowingStream<ModelEvent, any Error>.makeStream()
        let sources = converse.messages.last?.searchResults.isEmpty == false ? request.sources : []
        let task = Task {
            var markers = CitationMarkers(sources: sources)
            do {
                for try await event in try await runtime.converseStream(converse) {
                    switch event {
                    case .contentBlockDelta(_, let text):
                        markers.noteText(text)
                        continuation.yield(.text(text))
                    case .citationDelta(_, let citation):
                        if let marker = markers.marker(for: citation) { continuation.yield(.text(marker)) }
                    case .reasoningDelta:
                        break  // the model thinking aloud is not the answer
                    case .messageStop(let reason): continuation.yield(.stopped(reason: reason))
                    case .metadata(let usage, let latency):
                        if let usage {
                            continuation.yield(.usage(ModelUsage(inputTokens: usage.inputTokens, outputTokens: usage.outputTokens,
                                                                 latencyMilliseconds: latency)))
                        }
                    case .messageStart, .contentBlockStart, .contentBlockStop: break
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: Self.modelError(error, modelID: modelID))
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return events
    }

    /// Earlier exchanges as alternating user/assistant messages, then the prompt — or, with
    /// native citations, the passages as `searchResult` blocks followed by the question.
    static func converseRequest(_ request: ModelRequest, modelID: String, options: Options = Options()) -> ConverseStreamRequest {
        var messages: [ConversationMessage] = []
        for exchange in request.history where !exchange.answer.isEmpty {
            messages.append(ConversationMessage(role: .user, text: exchange.question))
            messages.append(ConversationMessage(role: .assistant, text: exchange.answer))
        }
        if options.citations == .native, let question = request.question, !request.sources.isEmpty {
            let results = request.sources.map {
                SearchResultBlock(source: $0.uri ?? "", title: $0.title, content: [$0.text], citationsEnabled: true)
            }
            messages.append(ConversationMessage(role: .user, text: nativePrompt + question, searchResults: results))
        } else {
            messages.append(ConversationMessage(role: .user, text: request.prompt))
        }
        return ConverseStreamRequest(modelID: modelID, messages: messages,
                                     inferenceConfig: request.maxTokens.map { InferenceConfiguration(maxTokens: $0) },
                                     guardrailConfig: options.guardrail, serviceTier: options.serviceTier)
    }

    /// The instructions that go with the search results (the model cites them itself).
    static let nativePrompt = "Answer the question using only the search results above, citing them. If they do not answer it, say so.\n\nQuestion: "

    /// The error in words, with what to do: the model id and access are the usual culprits.
    static func modelError(_ error: any Error, modelID: String) -> any Error {
        switch error {
        case is CancellationError: return error
        case let error as AWSError:
            let unknownModel = error.code == "ResourceNotFoundException"
                || (error.code == "ValidationException" && (error.message ?? "").localizedCaseInsensitiveContains("model identifier"))
            if unknownModel {
                return ModelError.configuration("""
                    Bedrock does not know the model \(modelID) in [model].region: set [model].model_id to a model id or \
                    inference profile enabled there (aws bedrock list-foundation-models).
                    """)
            }
            if error.statusCode == nil, let words = streamErrorWords(error) {
                return ModelError.service(words + " The answer so far is kept, marked as cut off.")
            }
            if error.code == "AccessDeniedException" {
                return ModelError.service("""
                    Bedrock refused the ISV's base credentials for \(modelID): allow bedrock:InvokeModelWithResponseStream \
                    on it and enable access to the model in the Bedrock console.
                    """)
            }
            return ModelError.service(error.userMessage)
        case let error as TransportError:
            return ModelError.network(error.userMessage + " The answer so far is kept; ask again when the network is back.")
        case let error as EventStreamError:
            return ModelError.malformedStream(error.userMessage + " The answer so far is kept; ask again.")
        case let error as ResponseDecodingError: return ModelError.malformedStream(error.userMessage)
        case let error as CredentialsError: return ModelError.configuration(error.userMessage)
        case let error as ParameterValidationError: return ModelError.configuration(error.userMessage)
        default: return ModelError.service("unexpected error (\(type(of: error))).")
        }
    }

    /// An exception event inside the answer's stream (bedrock-runtime's `ConverseStreamOutput`).
    static func streamErrorWords(_ error: AWSError) -> String? {
        let said = error.message.map { " (Bedrock says: \($0))" } ?? ""
        switch error.code {
        case "ModelStreamErrorException":
            var origin = ""
            if let status = error.originalStatusCode { origin = " HTTP \(status)" }
            if let original = error.originalMessage { origin += origin.isEmpty ? " \(original)" : ": \(original)" }
            return "the model failed while writing the answer" + (origin.isEmpty ? "" : " (its provider answered\(origin))") + "; ask again."
        case "ThrottlingException":
            return "Bedrock throttled the answer while it was being written; wait a moment and ask again, or ask for a higher quota\(said)."
        case "ServiceUnavailableException":
            return "Bedrock became unavailable while writing the answer; ask again in a minute\(said)."
        case "ValidationException":
            return "Bedrock stopped the answer as invalid while writing it\(said)."
        case "InternalServerException":
            return "Bedrock had an internal error while writing the answer; ask again\(said)."
        default:
            return nil
        }
    }
}
