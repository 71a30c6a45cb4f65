import AWS
import Foundation
import Logging

/// The exchange for tenants whose data accessor uses the authorization-code type (TTI-FLOW.md,
/// "Auth-code variant"): the same role steps and credential cache as TTI, with Identity Center
/// redeeming the code of a sign-in at the tenant's own Identity Center, and the refresh token
/// it returns renewing the identity context later with no browser.
extension TrustedIdentityExchange {
    /// What the browser brought back from the tenant's Identity Center: the code, the redirect
    /// URI it was issued for, and the PKCE verifier of the request. Secrets, never printed.
    public struct AuthorizationCode: Sendable, CustomStringConvertible {
        public var code: String
        public var redirectURI: String
        public var codeVerifier: String?

        public init(code: String, redirectURI: String, codeVerifier: String?) {
            self.code = code
            self.redirectURI = redirectURI
            self.codeVerifier = codeVerifier
        }

        public var description: String { "AuthorizationCode(redirectURI: \(redirectURI), code: <redacted>)" }
    }

    /// Redeems a sign-in's code: credentials A, `CreateTokenWithIAM` with the
    /// `authorization_code` grant, credentials B. Keeps the refresh token for later renewals
    /// and the credentials in the cache; returns the sign-in (who, for the header).
    public func signIn(to tenant: Tenant, with authorization: AuthorizationCode,
                       observe: @escaping @Sendable (ExchangeStepReport) -> Void = { _ in },
                       gate: @escaping @Sendable (PendingExchangeStep) async -> Void = { _ in }) async throws(AccessorError) -> IdentityCenterSession {
        let roles = try dataAccessorRole(for: tenant, sessionName: Self.signInSessionName, observe: observe, gate: gate)
        logger.debug("identity center sign-in started", metadata: ["tenant": "\(tenant.id)"])
        let roleCredentials = try await roles.assumeWithTag()
        let grant = IAMTokenGrant.authorizationCode(code: authorization.code, redirectURI: authorization.redirectURI,
                                                    codeVerifier: authorization.codeVerifier)
        let signedInAt = now()
        let (token, session) = try await createToken(
            .redeemAuthorizationCode, in: tenant, grant: grant, signedWith: roleCredentials, by: roles.step, showing: [
                StepDetail.Field("Code", "from the browser's redirect, " + Redacted.describe(authorization.code)),
                StepDetail.Field("Redirect URI", authorization.redirectURI),
                StepDetail.Field("PKCE verifier", authorization.codeVerifier.map(Redacted.describe) ?? "none"),
            ]
        ) { token in try Self.session(from: token, tenant: tenant, previous: nil, now: signedInAt) }
        try keep(session, for: tenant)
        cache = cache.filter { $0.key.tenantID != tenant.id }
        let signedIn = try dataAccessorRole(for: tenant, sessionName: Self.sessionName(for: session), observe: observe, gate: gate)
        let identityAware = try await signedIn.assumeWithContext(token.identityContext ?? "", from: token)
        cache[Key(subject: Self.cacheSubject(session), tenantID: tenant.id)] = identityAware
        return session
    }

    /// The Identity Center sign-in of `tenant` that the next search will use, if any.
    public func identityCenterSession(for tenant: Tenant) -> IdentityCenterSession? {
        identityCenterSessions.session(for: tenant)
    }

    /// Forgets the tenant's Identity Center sign-in and its credentials (`logout`).
    public func signOut(of tenant: Tenant) throws(AccessorError) {
        cache = cache.filter { $0.key.tenantID != tenant.id }
        do {
            try identityCenterSessions.forget(tenant)
        } catch {
            throw .sessionStorage("Could not forget the Identity Center sign-in of \(tenant.id): \(error)")
        }
    }

    /// Cached credentials B, else a renewal with the refresh token: no browser.
    func authCodeCredentials(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void,
                             gate: @escaping @Sendable (PendingExchangeStep) async -> Void) async throws(AccessorError) -> Credentials {
        guard let session = identityCenterSessions.session(for: tenant) else {
            throw .identityCenterSignInRequired(tenantID: tenant.id, reason: "nobody has signed in at \(tenant.name)'s Identity Center on this machine.")
        }
        let key = Key(subject: Self.cacheSubject(session), tenantID: tenant.id)
        if let cached = cache[key], !cached.expires(within: Self.renewalMargin, of: now()) {
            for step in ExchangeStep.authCodeSteps {
                observe(ExchangeStepReport(step: step, tenantID: tenant.id, outcome: .reused, latency: .zero))
            }
            return cached
        }
        let fresh: Credentials
        do {
            // Identity Center rotates refresh tokens: one qseek process renews at a time, and
            // reads the token again under the lock (another may just have rotated it).
            fresh = try await identityCenterSessions.exclusively(for: tenant) { [self] in
                try await renewLocked(tenant, observe: observe, gate: gate)
            }
        } catch let error as AccessorError {
            throw error
        } catch {
            throw .sessionStorage("Could not lock the Identity Center sign-in of \(tenant.id): \(error)")
        }
        return fresh
    }

    private func renewLocked(_ tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void,
                             gate: @escaping @Sendable (PendingExchangeStep) async -> Void) async throws(AccessorError) -> Credentials {
        guard let session = identityCenterSessions.session(for: tenant) else {
            throw .identityCenterSignInRequired(tenantID: tenant.id, reason: "the sign-in was forgotten (logout).")
        }
        let roles = try dataAccessorRole(for: tenant, sessionName: Self.sessionName(for: session), observe: observe, gate: gate)
        let roleCredentials = try await roles.assumeWithTag()
        let token: IAMToken
        let renewed: IdentityCenterSession
        let renewedAt = now()
        do throws(AccessorError) {
            (token, renewed) = try await createToken(
                .refreshIdentityCenterToken, in: tenant, grant: .refreshToken(session.refreshToken), signedWith: roleCredentials,
                by: roles.step, showing: [StepDetail.Field("Refresh token", "kept from the last sign-in, " + Redacted.describe(session.refreshToken))]
            ) { token in try Self.session(from: token, tenant: tenant, previous: session, now: renewedAt) }
        } catch .exchange(let step, let cause) where Self.meansSignInAgain(cause) {
            // The refresh token is used up, expired or revoked: only a new sign-in helps.
            try? identityCenterSessions.forget(tenant)
            cache = cache.filter { $0.key.tenantID != tenant.id }
            logger.debug("identity center refused the renewal", metadata: ["tenant": "\(tenant.id)", "step": "\(step)"])
            throw .identityCenterSignInRequired(
                tenantID: tenant.id, reason: "\(tenant.name)'s Identity Center refused to renew the sign-in (\(cause.userMessage)).")
        }
        try keep(renewed, for: tenant)
        let identityAware = try await roles.assumeWithContext(token.identityContext ?? "", from: token)
        cache[Key(subject: Self.cacheSubject(renewed), tenantID: tenant.id)] = identityAware
        return identityAware
    }

    private func keep(_ session: IdentityCenterSession, for tenant: Tenant) throws(AccessorError) {
        do {
            try identityCenterSessions.store(session, for: tenant)
        } catch {
            throw .sessionStorage("Could not keep the Identity Center sign-in of \(tenant.id): \(error)")
        }
    }

    /// Identity Center's answers that no retry fixes: the grant is spent or not valid.
    static func meansSignInAgain(_ failure: ServiceFailure) -> Bool {
        ["InvalidGrantException", "invalid_grant", "ExpiredTokenException", "expired_token", "AccessDeniedException", "access_denied"]
            .contains(failure.awsCode ?? "")
    }

    /// The sign-in an answer makes: the user from its ID token, the (possibly rotated) refresh token.
    static func session(from token: IAMToken, tenant: Tenant, previous: IdentityCenterSession?, now: Date) throws -> IdentityCenterSession {
        guard let refreshToken = token.refreshToken ?? previous?.refreshToken, !refreshToken.isEmpty else {
            throw ResponseDecodingError.missingField("refreshToken")
        }
        let user = token.idToken.flatMap(identityCenterUser(fromIDToken:)) ?? previous?.user ?? "Identity Center user"
        return IdentityCenterSession(tenantID: tenant.id, user: user, refreshToken: refreshToken, signedInAt: previous?.signedInAt ?? now)
    }

    /// The `email` (else `sub`) of Identity Center's ID token, read without verifying it: it
    /// only names the user on screen and in the cache key; STS checks the identity context.
    static func identityCenterUser(fromIDToken token: String) -> String? {
        guard let jwt = UnverifiedJWT(token) else { return nil }
        return jwt.string("email") ?? jwt.string("sub")
    }

    static let signInSessionName = "qseek-idc-sign-in"

    static func sessionName(for session: IdentityCenterSession) -> String {
        SignedInUser(subject: "idc-" + session.user, idToken: nil).sessionName
    }

    static func cacheSubject(_ session: IdentityCenterSession) -> String { "idc:" + session.user }
}
