/// A language model that answers an assembled prompt as a stream of events.
///
/// The stream yields text as it is generated, then usage and the stop reason; it ends by
/// throwing a `ModelError` when the model or the network fails. Cancelling the consuming task
/// (or dropping the stream) stops the generation and closes the connection.
public protocol ModelBackend: Sendable {
    /// The model's name as the status bar and history show it.
    var modelName: String { get }
    func answer(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error>
}

/// What a model is asked: the assembled prompt, after the earlier exchanges of the conversation.
public struct ModelRequest: Sendable, Equatable {
    /// Earlier questions and answers, oldest first (each answer was grounded in its own passages).
    public var history: [Exchange]
    /// The assembled prompt for the question asked now.
    public var prompt: String
    /// Upper bound on generated tokens; nil lets the model decide.
    public var maxTokens: Int?
    /// The question alone and the passages the prompt holds, for models that take retrieved
    /// passages natively (Bedrock's `searchResult` blocks with citations); others use `prompt`.
    public var question: String?
    public var sources: [Source] = []

    /// A passage as a model may cite it: `number` is its `[n]` marker.
    public struct Source: Sendable, Equatable {
        public var number: Int
        public var title: String
        public var uri: String?
        public var text: String

        public init(number: Int, title: String, uri: String?, text: String) {
            self.number = number
            self.title = title
            self.uri = uri
            self.text = text
        }
    }

    public struct Exchange: Sendable, Equatable {
        public var question: String
        public var answer: String

        public init(question: String, answer: String) {
            self.question = question
            self.answer = answer
        }
    }

    public init(prompt: String, history: [Exchange] = [], maxTokens: Int? = nil, question: String? = nil, sources: [Source] = []) {
        self.prompt = prompt
        self.history = history
        self.maxTokens = maxTokens
        self.question = question
        self.sources = sources
    }
}

/// One event of a streamed answer.
public enum ModelEvent: Sendable, Equatable {
    /// More text of the answer.
    case text(String)
    /// Token counts (and the model's own latency, when it reports one).
    case usage(ModelUsage)
    /// Why the model stopped: `end_turn`, `max_tokens`, `stop`, `length`, `content_filtered`, …
    case stopped(reason: String)
}

/// Tokens the model counted for one answer.
public struct ModelUsage: Sendable, Equatable {
    public var inputTokens: Int
    public var outputTokens: Int
    /// Server-side latency in milliseconds, if the model reports it.
    public var latencyMilliseconds: Int?

    public init(inputTokens: Int, outputTokens: Int, latencyMilliseconds: Int? = nil) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.latencyMilliseconds = latencyMilliseconds
    }
}
