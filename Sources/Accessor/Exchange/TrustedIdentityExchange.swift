import AWS
import Foundation
import Logging

/// The TTI exchange of TTI-FLOW.md steps 2–5, and the identity-aware credentials it yields,
/// cached per (user, tenant).
///
/// Credentials B are bound to one user and one tenant: the cache key is both, they are
/// never written to disk, and `discardAll()` forgets them on tenant switch and sign-out.
/// They are renewed two minutes before they expire (as AWS's samples do), or at once after
/// an `ExpiredToken`.
///
/// Auth-code tenants (`AuthCodeExchange.swift`) share the two AssumeRole steps and the cache;
/// only the middle step differs: Identity Center redeems a sign-in's code, then renews with
/// the refresh token kept in `identityCenterSessions`.
public actor TrustedIdentityExchange {
    public typealias IDTokenSource = @Sendable () async throws -> SignedInUser

    let account: ISVAccount
    let endpoints: EndpointResolver
    let transport: any HTTPTransport
    private let idToken: IDTokenSource
    let identityCenterSessions: any IdentityCenterSessionStore
    let now: @Sendable () -> Date
    let logger: Logger
    var cache: [Key: Credentials] = [:]

    /// Renew this long before expiry.
    public static let renewalMargin: TimeInterval = 120

    struct Key: Hashable {
        var subject: String
        var tenantID: String
    }

    public init(account: ISVAccount, endpoints: EndpointResolver, transport: any HTTPTransport,
                idToken: @escaping IDTokenSource,
                identityCenterSessions: any IdentityCenterSessionStore = MemoryIdentityCenterSessionStore(),
                logger: Logger = Logger(label: "qseek.accessor"),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.account = account
        self.endpoints = endpoints
        self.transport = transport
        self.idToken = idToken
        self.identityCenterSessions = identityCenterSessions
        self.logger = logger
        self.now = now
    }

    /// Identity-aware credentials for the signed-in user in `tenant`: cached ones while they
    /// have more than two minutes left, else a fresh exchange. `observe` hears of every step
    /// as it ends (cached credentials report each step as reused), so the TUI's step list and
    /// `doctor` watch the one exchange instead of repeating it.
    public func credentials(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void = { _ in }) async throws(AccessorError) -> Credentials {
        if tenant.usesIdentityCenterSignIn {
            return try await authCodeCredentials(for: tenant, observe: observe)
        }
        let user: SignedInUser
        do {
            user = try await idToken()
        } catch let error as AccessorError {
            throw error
        } catch {
            throw .signInRequired(ServiceFailure(error).userMessage)
        }
        let key = Key(subject: user.subject, tenantID: tenant.id)
        if let cached = cache[key], !cached.expires(within: Self.renewalMargin, of: now()) {
            logger.debug("exchange reused cached credentials", metadata: ["tenant": "\(tenant.id)"])
            for step in ExchangeStep.trustedTokenIssuerSteps {
                observe(ExchangeStepReport(step: step, tenantID: tenant.id, outcome: .reused, latency: .zero))
            }
            return cached
        }
        let fresh = try await exchange(user: user, tenant: tenant, observe: observe)
        cache[key] = fresh
        return fresh
    }

    /// Forgets the credentials of `tenant` for every user (after an `ExpiredToken`).
    public func invalidate(tenantID: String) {
        cache = cache.filter { $0.key.tenantID != tenantID }
    }

    /// Forgets every identity-aware credential (tenant switch, sign-out).
    public func discardAll() {
        cache.removeAll()
    }

    private func exchange(user: SignedInUser, tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void) async throws(AccessorError) -> Credentials {
        let roles = try dataAccessorRole(for: tenant, sessionName: user.sessionName, observe: observe)
        logger.debug("exchange started", metadata: ["tenant": "\(tenant.id)", "subject": "\(user.subject)"])

        // Step 2: the data-accessor role with the tenant tag → credentials A.
        let roleCredentials = try await roles.assumeWithTag()

        // Steps 3–4: CreateTokenWithIAM at the tenant's Identity Center, signed with A.
        guard let idToken = user.idToken else { throw .signInRequired("there is no ID token to exchange; run `qseek login`.") }
        let context = try await roles.step.run(.exchangeToken) {
            let token = try await identityCenter(for: tenant, signedWith: roleCredentials)
                .createTokenWithIAM(clientID: tenant.idcApplicationARN, grant: .jwtBearer(assertion: idToken))
            return try Self.identityContext(of: token)
        }

        // Step 5: the same role again, with the identity context → credentials B.
        return try await roles.assumeWithContext(context)
    }

    /// Steps 2 and 5, the same for both kinds of tenant: the data-accessor role with the
    /// tenant tag, without and with the identity context.
    struct DataAccessorRole {
        let sts: STS
        let account: ISVAccount
        let sessionName: String
        let tag: SessionTag
        let step: StepRunner
        let logger: Logger

        func assumeWithTag() async throws(AccessorError) -> Credentials {
            try await step.run(.assumeRole, expiry: { (credentials: Credentials) in credentials.expiration }) {
                try await sts.assumeRole(roleARN: account.roleARN, sessionName: sessionName, duration: account.sessionDuration, tags: [tag])
            }
        }

        func assumeWithContext(_ context: String) async throws(AccessorError) -> Credentials {
            let identityAware = try await step.run(.assumeIdentityAwareRole, expiry: { (credentials: Credentials) in credentials.expiration }) {
                try await sts.assumeRole(roleARN: account.roleARN, sessionName: sessionName, duration: account.sessionDuration,
                                         tags: [tag], providedContexts: [ProvidedContext(contextAssertion: context)])
            }
            logger.debug("exchange finished", metadata: ["tenant": "\(tag.value)", "expires": "\(identityAware.expiration.map { "\($0)" } ?? "-")"])
            return identityAware
        }
    }

    func dataAccessorRole(for tenant: Tenant, sessionName: String,
                          observe: @escaping @Sendable (ExchangeStepReport) -> Void) throws(AccessorError) -> DataAccessorRole {
        let sts: STS
        do {
            sts = STS(client: try client(.sts, region: account.region, credentials: account.baseCredentials))
        } catch {
            throw .configuration(ServiceFailure(error))
        }
        return DataAccessorRole(sts: sts, account: account, sessionName: sessionName,
                                tag: SessionTag(key: "qbusiness-dataaccessor:ExternalId", value: tenant.id),
                                step: StepRunner(tenantID: tenant.id, logger: logger, observe: observe), logger: logger)
    }

    /// The tenant's Identity Center, signed with credentials A in its region.
    func identityCenter(for tenant: Tenant, signedWith roleCredentials: Credentials) throws -> SSOOIDC {
        SSOOIDC(client: try client(.ssoOIDC, region: tenant.idcRegion, credentials: StaticCredentialsProvider(roleCredentials)))
    }

    /// Step 4: the identity context of an Identity Center answer.
    static func identityContext(of token: IAMToken) throws -> String {
        guard let context = token.identityContext, !context.isEmpty else { throw ServiceFailure.missingIdentityContext }
        return context
    }

    func client(_ service: AWSService, region: String, credentials: any CredentialsProvider) throws -> AWSServiceClient {
        AWSServiceClient(service: service, region: region, endpoint: try endpoints.endpoint(for: service, region: region),
                         credentials: credentials, transport: transport, logger: logger)
    }
}
