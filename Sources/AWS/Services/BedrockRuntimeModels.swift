/// A turn of a conversation for `Converse(Stream)`: text content only (what qseek sends).
public struct ConversationMessage: Sendable, Equatable, Encodable {
    public enum Role: String, Sendable, Encodable { case user, assistant }

    public var role: Role
    public var text: [String]

    public init(role: Role, text: String) {
        self.role = role
        self.text = [text]
    }

    enum CodingKeys: String, CodingKey { case role, content }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        try container.encode(text.map { ["text": $0] }, forKey: .content)
    }
}

/// `inferenceConfig`; every member optional.
public struct InferenceConfiguration: Sendable, Equatable, Encodable {
    public var maxTokens: Int?
    public var temperature: Double?
    public var topP: Double?
    public var stopSequences: [String]?

    public init(maxTokens: Int? = nil, temperature: Double? = nil, topP: Double? = nil, stopSequences: [String]? = nil) {
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.topP = topP
        self.stopSequences = stopSequences
    }
}

/// `bedrock:ConverseStream` input.
public struct ConverseStreamRequest: Sendable, Equatable, Encodable {
    public var modelID: String
    public var messages: [ConversationMessage]
    public var system: [String]
    public var inferenceConfig: InferenceConfiguration?

    public init(modelID: String, messages: [ConversationMessage], system: [String] = [], inferenceConfig: InferenceConfiguration? = nil) {
        self.modelID = modelID
        self.messages = messages
        self.system = system
        self.inferenceConfig = inferenceConfig
    }

    enum CodingKeys: String, CodingKey { case messages, system, inferenceConfig }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(messages, forKey: .messages)
        if !system.isEmpty { try container.encode(system.map { ["text": $0] }, forKey: .system) }
        try container.encodeIfPresent(inferenceConfig, forKey: .inferenceConfig)
    }

    public func validate() throws(ParameterValidationError) {
        try ParameterRules.length(modelID, 1...2048, field: "modelId")
        guard !messages.isEmpty else { throw ParameterValidationError(field: "messages", rule: "at least one message") }
        if let maxTokens = inferenceConfig?.maxTokens { try ParameterRules.range(maxTokens, 1...Int(Int32.max), field: "inferenceConfig.maxTokens") }
        if let temperature = inferenceConfig?.temperature, !(0...1).contains(temperature) {
            throw ParameterValidationError(field: "inferenceConfig.temperature", rule: "between 0 and 1")
        }
        if let topP = inferenceConfig?.topP, !(0...1).contains(topP) {
            throw ParameterValidationError(field: "inferenceConfig.topP", rule: "between 0 and 1")
        }
    }
}

/// Token counts of a finished answer.
public struct TokenUsage: Sendable, Equatable, Decodable {
    public var inputTokens: Int
    public var outputTokens: Int
    public var totalTokens: Int
}

/// One event of a `ConverseStream` answer, in the order the model produces them.
public enum ConverseStreamEvent: Sendable, Equatable {
    case messageStart(role: String)
    case contentBlockStart(index: Int)
    case contentBlockDelta(index: Int, text: String)
    case contentBlockStop(index: Int)
    /// `end_turn`, `max_tokens`, `stop_sequence`, `guardrail_intervened`, `content_filtered`, …
    case messageStop(stopReason: String)
    case metadata(usage: TokenUsage?, latencyMilliseconds: Int?)
}
