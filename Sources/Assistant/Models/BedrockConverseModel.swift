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

    public var modelName: String { modelID }

    /// - Parameters:
    ///   - account: the ISV's AWS identity; only its base credentials are used.
    ///   - region: the Bedrock region (`[model].region`, default `[aws].region`).
    ///   - logger: where each request goes with `--debug` (method, host, path, status, latency, request id).
    public init(modelID: String, region: String, account: ISVAccount, endpoints: EndpointResolver,
                transport: any HTTPTransport, logger: Logger = Logger(label: "qseek.bedrock")) throws(ModelError) {
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
        self.init(modelID: modelID, runtime: BedrockRuntime(client: client))
    }

    init(modelID: String, runtime: BedrockRuntime) {
        self.modelID = modelID
        self.runtime = runtime
    }

    public func answer(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error> {
        let converse = Self.converseRequest(request, modelID: modelID)
        let runtime = self.runtime
        let modelID = self.modelID
        let (events, continuation) = AsyncThrowingStream<ModelEvent, any Error>.makeStream()
        let task = Task {
            do {
                for try await event in try await runtime.converseStream(converse) {
                    switch event {
                    case .contentBlockDelta(_, let text): continuation.yield(.text(text))
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

    /// Earlier exchanges as alternating user/assistant messages, then the prompt.
    static func converseRequest(_ request: ModelRequest, modelID: String) -> ConverseStreamRequest {
        var messages: [ConversationMessage] = []
        for exchange in request.history where !exchange.answer.isEmpty {
            messages.append(ConversationMessage(role: .user, text: exchange.question))
            messages.append(ConversationMessage(role: .assistant, text: exchange.answer))
        }
        messages.append(ConversationMessage(role: .user, text: request.prompt))
        return ConverseStreamRequest(modelID: modelID, messages: messages,
                                     inferenceConfig: request.maxTokens.map { InferenceConfiguration(maxTokens: $0) })
    }

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
}
