import Foundation
import Synchronization

/// An auth-code tenant's Identity Center sign-in, kept between runs: who signed in and the
/// refresh token that renews the identity context with no browser. The refresh token is a
/// secret: `description` leaves it out.
public struct IdentityCenterSession: Sendable, Codable, Equatable, CustomStringConvertible {
    public var tenantID: String
    /// The Identity Center user (the ID token's `email`, else its `sub`).
    public var user: String
    public var refreshToken: String
    public var signedInAt: Date

    public init(tenantID: String, user: String, refreshToken: String, signedInAt: Date) {
        self.tenantID = tenantID
        self.user = user
        self.refreshToken = refreshToken
        self.signedInAt = signedInAt
    }

    public var description: String { "IdentityCenterSession(tenant: \(tenantID), user: \(user), refreshToken: <redacted>)" }
}

/// Where Identity Center sign-ins live: on disk, private to the user (qseek's token cache),
/// or in memory (tests). One per tenant and machine user.
public protocol IdentityCenterSessionStore: Sendable {
    func session(for tenant: Tenant) -> IdentityCenterSession?
    func store(_ session: IdentityCenterSession, for tenant: Tenant) throws
    /// Forgets the tenant's sign-in; forgetting one that is not there is no error.
    func forget(_ tenant: Tenant) throws
    /// Runs `body` while no other qseek process renews this tenant's sign-in: Identity Center
    /// rotates refresh tokens, so two renewing at once would make one of them fail.
    func exclusively<Result: Sendable>(for tenant: Tenant, _ body: @Sendable () async throws -> Result) async throws -> Result
}

/// Sign-ins that last as long as the process.
public final class MemoryIdentityCenterSessionStore: IdentityCenterSessionStore {
    private let sessions = Mutex<[String: IdentityCenterSession]>([:])

    public init() {}

    public func session(for tenant: Tenant) -> IdentityCenterSession? {
        sessions.withLock { $0[tenant.id] }
    }

    public func store(_ session: IdentityCenterSession, for tenant: Tenant) throws {
        sessions.withLock { $0[tenant.id] = session }
    }

    public func forget(_ tenant: Tenant) throws {
        _ = sessions.withLock { $0.removeValue(forKey: tenant.id) }
    }

    public func exclusively<Result: Sendable>(for tenant: Tenant, _ body: @Sendable () async throws -> Result) async throws -> Result {
        try await body()
    }
}
