import Accessor
import Foundation
import OIDC

/// Identity Center sign-ins of auth-code tenants in qseek's token cache: one 0600 file per
/// tenant (keyed by a hash of the tenant id and its application ARN), written atomically, with
/// the cache's cross-process lock around each renewal, as the IdP sign-in is kept.
public struct CachedIdentityCenterSessions: IdentityCenterSessionStore {
    let cache: TokenCache

    public init(cache: TokenCache) {
        self.cache = cache
    }

    static func key(for tenant: Tenant) -> String {
        TokenCache.key(issuer: "idc-auth-code:" + tenant.idcApplicationARN, clientID: tenant.id, scopes: [])
    }

    public func session(for tenant: Tenant) -> IdentityCenterSession? {
        guard let session = cache.load(IdentityCenterSession.self, key: Self.key(for: tenant)), session.tenantID == tenant.id else { return nil }
        return session
    }

    public func store(_ session: IdentityCenterSession, for tenant: Tenant) throws {
        try cache.store(value: session, key: Self.key(for: tenant))
    }

    public func forget(_ tenant: Tenant) throws {
        try cache.remove(key: Self.key(for: tenant))
    }

    public func exclusively<Result: Sendable>(for tenant: Tenant, _ body: @Sendable () async throws -> Result) async throws -> Result {
        try await cache.withExclusiveLock(key: Self.key(for: tenant)) { try await body() }
    }
}
