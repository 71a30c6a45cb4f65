/// Failures below HTTP: nothing in them comes from a response body or a header, so no
/// secret can travel through them.
public enum TransportError: Error, Sendable, Equatable {
    case invalidURL(String)
    /// No connection within the connect timeout.
    case connectTimedOut(host: String)
    /// Connected, but the answer did not come (or stalled) within the read timeout.
    case readTimedOut(host: String)
    case connectionFailed(host: String, detail: String)
    /// The response body exceeded the cap; reading stopped there.
    case responseTooLarge(limit: Int)

    /// Timeouts cost more retry quota than other failures (SDK standard mode).
    public var isTimeout: Bool {
        switch self {
        case .connectTimedOut, .readTimedOut: return true
        default: return false
        }
    }

    public var isRetryable: Bool {
        switch self {
        case .connectTimedOut, .readTimedOut, .connectionFailed: return true
        case .invalidURL, .responseTooLarge: return false
        }
    }

    public var userMessage: String {
        switch self {
        case .invalidURL(let url):
            return "The address \(url) is not a valid URL; check the endpoint configuration."
        case .connectTimedOut(let host):
            return "Could not connect to \(host) in time; check the network, proxy and endpoint."
        case .readTimedOut(let host):
            return "\(host) did not answer in time; try again, or check the network."
        case .connectionFailed(let host, let detail):
            return "The connection to \(host) failed (\(detail)); check the network, proxy and endpoint."
        case .responseTooLarge(let limit):
            return "The answer was larger than the \(limit / 1024) KiB this client accepts; it was cut off and discarded."
        }
    }
}
