/// Why an answer could not be had, in words that say what to do next. Messages never carry
/// keys, tokens or request bodies.
public enum ModelError: Error, Sendable, Equatable {
    /// The `[model]` settings are incomplete or wrong.
    case configuration(String)
    /// The model service refused or failed (HTTP status, or an AWS error code).
    case service(String)
    /// The connection failed or timed out.
    case network(String)
    /// The service answered with something that is not a valid stream.
    case malformedStream(String)

    public var userMessage: String {
        switch self {
        case .configuration(let text): return "Model configuration: \(text)"
        case .service(let text): return "The model service failed: \(text)"
        case .network(let text): return "Network problem reaching the model: \(text)"
        case .malformedStream(let text): return "The model's answer could not be read: \(text)"
        }
    }
}
