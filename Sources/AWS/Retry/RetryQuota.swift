import NIOConcurrencyHelpers

/// The standard retry mode's token bucket: retries spend tokens, successes earn them back.
///
/// When a service is down, every client retrying three times triples its load; the quota
/// stops retrying once a burst of failures has drained it, and refills as calls succeed again.
/// Shared by all clients of one application (it is a reference for that reason).
public final class RetryQuota: Sendable {
    public static let defaultCapacity = 500
    public static let retryCost = 5
    public static let timeoutRetryCost = 10
    /// Earned by a call that succeeds on its first attempt.
    public static let noRetryIncrement = 1

    private let capacity: Int
    private let tokens: NIOLockedValueBox<Int>

    public init(capacity: Int = RetryQuota.defaultCapacity) {
        self.capacity = capacity
        self.tokens = NIOLockedValueBox(capacity)
    }

    public var available: Int { tokens.withLockedValue { $0 } }

    /// Takes the cost of one retry; `nil` when the bucket cannot pay and the error must surface.
    public func acquire(forTimeout: Bool) -> Int? {
        let cost = forTimeout ? Self.timeoutRetryCost : Self.retryCost
        return tokens.withLockedValue { available in
            guard available >= cost else { return nil }
            available -= cost
            return cost
        }
    }

    /// A call succeeded: refund what its last retry cost, or add the small first-try bonus.
    public func release(retryCost: Int?) {
        tokens.withLockedValue { available in
            available = min(capacity, available + (retryCost ?? Self.noRetryIncrement))
        }
    }
}
