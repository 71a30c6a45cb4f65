import Foundation

/// The SDKs' "standard" retry mode: at most `maxAttempts` attempts, exponential backoff with
/// full jitter, and a shared `RetryQuota`.
///
/// The random source and the sleep are injected so that tests run in no time and can assert
/// the exact delays.
public struct RetryStrategy: Sendable {
    public var maxAttempts: Int
    /// Backoff base: the delay before attempt `n + 1` is `random(0, 1) * base * 2^(n-1)`.
    public var baseDelay: Duration
    public var maxBackoff: Duration
    public var quota: RetryQuota
    public var random: @Sendable () -> Double
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(maxAttempts: Int = 3, baseDelay: Duration = .seconds(1), maxBackoff: Duration = .seconds(20),
                quota: RetryQuota = RetryQuota(),
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
        self.quota = quota
        self.random = random
        self.sleep = sleep
    }

    /// Delay before the attempt after `attempt` (1-based): `min(maxBackoff, random * base * 2^(attempt-1))`.
    public func delay(afterAttempt attempt: Int) -> Duration {
        let exponent = Double(1 << min(max(attempt - 1, 0), 30))
        let seconds = Self.seconds(baseDelay) * exponent * min(max(random(), 0), 1)
        return min(maxBackoff, .nanoseconds(Int64(min(seconds, 1e9) * 1e9)))
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// For tests and for callers that must never retry (credential endpoints with their own policy).
    public static let noRetries = RetryStrategy(maxAttempts: 1)
}
