/// A turn of a conversation for `Converse(Stream)`: search results (for native citations),
/// then text — the content qseek sends.
public struct ConversationMessage: Sendable, Equatable, Encodable {
    public enum Role: String, Sendable, Encodable { case user, assistant }

    public var role: Role
    /// `searchResult` content blocks, sent before the text; the model cites them by index.
    public var searchResults: [SearchResultBlock]
    public var text: [String]

    public init(role: Role, text: String, searchResults: [SearchResultBlock] = []) {
        self.role = role
        self.searchResults = searchResults
        self.text = [text]
    }

    enum CodingKeys: String, CodingKey { case role, content }

    private enum Block: Encodable {
        case searchResult(SearchResultBlock)
        case text(String)

        enum CodingKeys: String, CodingKey { case searchResult, text }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .searchResult(let block): try container.encode(block, forKey: .searchResult)
            case .text(let text): try container.encode(text, forKey: .text)
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        try container.encode(searchResults.map(Block.searchResult) + text.map(Block.text), forKey: .content)
    }
}

/// `SearchResultBlock`: a retrieved passage the model may cite (`citations.enabled`).
public struct SearchResultBlock: Sendable, Equatable, Encodable {
    public var source: String
    public var title: String
    public var content: [String]
    public var citationsEnabled: Bool

    public init(source: String, title: String, content: [String], citationsEnabled: Bool = true) {
        self.source = source
        self.title = title
        self.content = content
        self.citationsEnabled = citationsEnabled
    }

    enum CodingKeys: String, CodingKey { case source, title, content, citations }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(title, forKey: .title)
        try container.encode(content.map { ["text": $0] }, forKey: .content)
        try container.encode(["enabled": citationsEnabled], forKey: .citations)
    }
}

/// `guardrailConfig` of `ConverseStream`: a guardrail by id (or ARN) and version.
public struct GuardrailConfiguration: Sendable, Equatable, Encodable {
    public var guardrailIdentifier: String
    public var guardrailVersion: String

    public init(identifier: String, version: String) {
        guardrailIdentifier = identifier
        guardrailVersion = version
    }
}

/// `serviceTier.type`: `priority`, `default`, `flex` or `reserved`.
public enum ServiceTier: String, Sendable, Equatable, CaseIterable, Encodable {
    case priority, `default`, flex, reserved
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
    public var guardrailConfig: GuardrailConfiguration?
    public var serviceTier: ServiceTier?

    public init(modelID: String, messages: [ConversationMessage], system: [String] = [], inferenceConfig: InferenceConfiguration? = nil,
                guardrailConfig: GuardrailConfiguration? = nil, serviceTier: ServiceTier? = nil) {
        self.modelID = modelID
        self.messages = messages
        self.system = system
        self.inferenceConfig = inferenceConfig
        self.guardrailConfig = guardrailConfig
        self.serviceTier = serviceTier
    }

    enum CodingKeys: String, CodingKey { case messages, system, inferenceConfig, guardrailConfig, serviceTier }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(messages, forKey: .messages)
        if !system.isEmpty { try container.encode(system.map { ["text": $0] }, forKey: .system) }
        try container.encodeIfPresent(inferenceConfig, forKey: .inferenceConfig)
        try container.encodeIfPresent(guardrailConfig, forKey: .guardrailConfig)
        if let serviceTier { try container.encode(["type": serviceTier], forKey: .serviceTier) }
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
        if let guardrail = guardrailConfig {
            try Self.validateGuardrail(identifier: guardrail.guardrailIdentifier, version: guardrail.guardrailVersion)
        }
    }

    /// The model's patterns: an id of `[a-z0-9]+` or a guardrail ARN (at most 2048 characters);
    /// a version `[1-9][0-9]{0,7}` or `DRAFT`.
    public static func validateGuardrail(identifier: String, version: String) throws(ParameterValidationError) {
        let lowerDigits = { (c: Character) in c.isASCII && (c.isNumber || ("a"..."z").contains(c)) }
        let isARN = identifier.hasPrefix("arn:aws") && identifier.contains(":bedrock:") && identifier.contains(":guardrail/")
            && identifier.split(separator: "/").last.map { !$0.isEmpty && $0.allSatisfy(lowerDigits) } == true
        guard identifier.count <= 2048, isARN || (!identifier.isEmpty && identifier.allSatisfy(lowerDigits)) else {
            throw ParameterValidationError(field: "guardrailConfig.guardrailIdentifier",
                                           rule: "a guardrail id (lowercase letters and digits) or a guardrail ARN")
        }
        let isNumber = (1...8).contains(version.count) && version.first != "0" && version.allSatisfy { $0.isASCII && $0.isNumber }
        guard isNumber || version == "DRAFT" else {
            throw ParameterValidationError(field: "guardrailConfig.guardrailVersion", rule: "a version number (1–99999999) or DRAFT")
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
    /// The model's reasoning (`reasoningContent.text`), which is not part of the answer.
    case reasoningDelta(index: Int, text: String)
    /// A `citation` delta: the text generated since the last one is backed by this source.
    case citationDelta(index: Int, CitationDelta)
    case metadata(usage: TokenUsage?, latencyMilliseconds: Int?)
}

/// `CitationsDelta` of `ConverseStream`, reduced to what qseek maps to its `[n]` markers.
public struct CitationDelta: Sendable, Equatable {
    public var title: String?
    public var source: String?
    /// `location.searchResultLocation.searchResultIndex`: which `searchResult` block is cited.
    public var searchResultIndex: Int?
    public var sourceText: [String]

    public init(title: String? = nil, source: String? = nil, searchResultIndex: Int? = nil, sourceText: [String] = []) {
        self.title = title
        self.source = source
        self.searchResultIndex = searchResultIndex
        self.sourceText = sourceText
    }
}
