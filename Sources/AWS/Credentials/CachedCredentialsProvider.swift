import Foundation

/// Caches another provider's credentials and refreshes them before they expire.
///
/// Many concurrent calls may find the credentials stale at once; the actor keeps one refresh
/// task and every caller awaits that same task, so the underlying provider (an STS call, an
/// IMDS round trip) runs once. Long-term credentials (no expiry) are fetched once.
public actor CachedCredentialsProvider: CredentialsProvider {
    /// Refresh this long before expiry (the SDKs use 5 minutes).
    public let refreshMargin: TimeInterval
    private let base: any CredentialsProvider
    private let now: @Sendable () -> Date
    private var cached: Credentials?
    private var refresh: Task<Credentials, any Error>?

    public init(_ base: any CredentialsProvider, refreshMargin: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() }) {
        self.base = base
        self.refreshMargin = refreshMargin
        self.now = now
    }

    public func credentials() async throws -> Credentials {
        if let cached, !cached.expires(within: refreshMargin, of: now()) { return cached }
        if let refresh { return try await refresh.value }
        let task = Task { [base] in try await base.credentials() }
        refresh = task
        defer { refresh = nil }
        do {
            let fresh = try await task.value
            cached = fresh
            return fresh
        } catch {
            // Still-valid older credentials are better than failing a call outright.
            if let cached, let expiration = cached.expiration, expiration > now() { return cached }
            throw error
        }
    }

    /// Forgets the cached credentials (after the service said they are expired).
    public func invalidate() {
        cached = nil
    }
}
