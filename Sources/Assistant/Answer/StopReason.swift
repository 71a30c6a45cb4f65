/// Why a model stopped, in words, when the reason means the answer is not whole: the stop
/// reasons of bedrock-runtime's `StopReason` and OpenAI's `finish_reason`.
public enum StopReason {
    /// nil for an answer that ended normally (`end_turn`, `stop`, `stop_sequence`, …).
    public static func notice(_ reason: String) -> String? {
        switch reason {
        case "max_tokens", "length":
            return "cut off at the token limit"
        case "model_context_window_exceeded":
            return "cut off: the conversation filled the model's context window (start a new conversation or lower [prompt] budget_tokens)"
        case "guardrail_intervened":
            return "stopped by the Bedrock guardrail ([model] guardrail_id) — the answer may be blocked or masked"
        case "content_filtered", "content_filter":
            return "stopped by the model's content filter — the answer is incomplete"
        case "malformed_model_output":
            return "cut off: the model's output was malformed — ask again"
        case "malformed_tool_use", "tool_use", "tool_calls":
            return "stopped: the model asked for a tool qseek does not offer — ask again"
        default:
            return nil
        }
    }
}
