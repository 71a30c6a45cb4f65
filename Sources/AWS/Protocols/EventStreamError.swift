/// Why an event-stream frame was refused. Every malformed input ends here, never in a trap.
public enum EventStreamError: Error, Sendable, Equatable {
    case preludeChecksumMismatch(expected: UInt32, actual: UInt32)
    case messageChecksumMismatch(expected: UInt32, actual: UInt32)
    /// The stream ended inside a frame (`buffered` bytes of it had arrived).
    case truncatedFrame(buffered: Int)
    /// Lengths in the prelude that no valid message has: too small, too big, or inconsistent.
    case invalidLength(total: UInt32, headers: UInt32)
    case malformedHeader(String)

    public var userMessage: String {
        switch self {
        case .preludeChecksumMismatch, .messageChecksumMismatch:
            return "The model's answer stream arrived corrupted (checksum mismatch); try again."
        case .truncatedFrame:
            return "The model's answer stream was cut off in the middle of a message; try again."
        case .invalidLength(let total, let headers):
            return "The model's answer stream contained a message with impossible sizes (total \(total), headers \(headers) bytes); try again."
        case .malformedHeader(let detail):
            return "The model's answer stream contained an unreadable header (\(detail)); try again."
        }
    }
}
