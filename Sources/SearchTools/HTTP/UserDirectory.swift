import Accessor
import AWS
import Foundation
import HTTP
import Logging

/// The HTTP server's users: for each subject, one TTI exchange whose cache holds that user's
/// credentials B per tenant (renewed before expiry), presenting the user's latest verified
/// bearer token as the assertion.
///
/// Nothing is shared between users: each subject has its own exchange, and a request only
/// ever reaches the exchange of the subject its own verified token names. The directory is
/// bounded: at most `maxUsers` subjects (least recently used leave first), and a subject idle
/// for `idleLimit` is forgotten with its credentials. Nothing here needs to be shared between
/// replicas: a replica that has not seen a user runs the exchange once.
public actor UserDirectory {
    /// What every user's exchange and search are built from.
    public struct Backend: Sendable {
        public var account: ISVAccount
        public var endpoints: EndpointResolver
        public var transport: any HTTPTransport
        public var tenants: [Tenant]
        /// The ID-token claim listing a user's tenants; empty = every configured tenant.
        public var tenantClaim: String

        public init(account: ISVAccount, endpoints: EndpointResolver, transport: any HTTPTransport, tenants: [Tenant], tenantClaim: String) {
            self.account = account
            self.endpoints = endpoints
            self.transport = transport
            self.tenants = tenants
            self.tenantClaim = tenantClaim
        }
    }

    private struct Entry {
        var exchange: TrustedIdentityExchange
        var token: LatestToken
        var lastUsed: Date
    }

    private let backend: Backend
    public let maxUsers: Int
    public let idleLimit: TimeInterval
    private let logger: Logger
    private let now: @Sendable () -> Date
    private var entries: [String: Entry] = [:]

    public init(backend: Backend, maxUsers: Int = 1000, idleLimit: TimeInterval = 3600,
                logger: Logger = Logger(label: "qseek.mcp", factory: { _ in SwiftLogNoOpLogHandler() }),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.backend = backend
        self.maxUsers = max(1, maxUsers)
        self.idleLimit = idleLimit
        self.logger = logger
        self.now = now
    }

    /// How many users are held now (for tests and the load run's report).
    public var count: Int { entries.count }

    /// The user a verified bearer token names, with the tenants its claim allows.
    public func user(for bearer: VerifiedBearer) async -> SearchUser {
        let claims = bearer.claims
        let key = claims.issuer + "\u{0}" + claims.subject
        let time = now()
        forgetIdle(at: time)
        let entry: Entry
        if var existing = entries[key] {
            existing.lastUsed = time
            entries[key] = existing
            entry = existing
        } else {
            let token = LatestToken(SignedInUser(subject: claims.subject, idToken: bearer.token))
            let exchange = TrustedIdentityExchange(account: backend.account, endpoints: backend.endpoints, transport: backend.transport,
                                                   idToken: { await token.current }, logger: logger)
            entry = Entry(exchange: exchange, token: token, lastUsed: time)
            entries[key] = entry
            evictBeyondBound()
        }
        await entry.token.update(bearer.token)
        let claimed: [String]? = backend.tenantClaim.isEmpty ? nil : bearer.strings(backend.tenantClaim)
        let search = PassageSearch(exchange: entry.exchange, endpoints: backend.endpoints, transport: backend.transport, logger: logger)
        return SearchUser(subject: claims.subject, email: claims.email, name: claims.name, issuer: claims.issuer,
                          expiresAt: claims.expiresAt, tenants: Tenant.available(backend.tenants, claimedIDs: claimed), search: search)
    }

    private func forgetIdle(at time: Date) {
        let before = entries.count
        entries = entries.filter { time.timeIntervalSince($0.value.lastUsed) < idleLimit }
        if entries.count < before { logger.debug("idle users forgotten", metadata: ["count": "\(before - entries.count)"]) }
    }

    private func evictBeyondBound() {
        while entries.count > maxUsers, let oldest = entries.min(by: { $0.value.lastUsed < $1.value.lastUsed })?.key {
            entries.removeValue(forKey: oldest)
        }
    }
}

/// The latest verified token of one subject: what its exchange presents to Identity Center.
actor LatestToken {
    private var user: SignedInUser

    init(_ user: SignedInUser) { self.user = user }

    var current: SignedInUser { user }

    func update(_ token: String) { user.idToken = token }
}
