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
    ///
    /// `gate` is awaited before each step is sent, with what the step will send: presenter
    /// mode holds it there until the presenter lets it go.
    public func credentials(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void = { _ in },
                            gate: @escaping @Sendable (PendingExchangeStep) async -> Void = { _ in }) async throws(AccessorError) -> Credentials {
        if tenant.usesIdentityCenterSignIn {
            return try await authCodeCredentials(for: tenant, observe: observe, gate: gate)
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
        let fresh = try await exchange(user: user, tenant: tenant, observe: observe, gate: gate)
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

    private func exchange(user: SignedInUser, tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void,
                          gate: @escaping @Sendable (PendingExchangeStep) async -> Void) async throws(AccessorError) -> Credentials {
        let roles = try dataAccessorRole(for: tenant, sessionName: user.sessionName, observe: observe, gate: gate)
        logger.debug("exchange started", metadata: ["tenant": "\(tenant.id)", "subject": "\(user.subject)"])

        // Step 2: the data-accessor role with the tenant tag → credentials A.
        let roleCredentials = try await roles.assumeWithTag()

        // Steps 3–4: CreateTokenWithIAM at the tenant's Identity Center, signed with A.
        guard let idToken = user.idToken else { throw .signInRequired("there is no ID token to exchange; run `qseek login`.") }
        let (token, _) = try await createToken(
            .exchangeToken, in: tenant, grant: .jwtBearer(assertion: idToken), signedWith: roleCredentials, by: roles.step,
            showing: [StepDetail.Field("Assertion", "the ID token, " + Redacted.describe(idToken))],
            tokens: [DecodedToken(name: "ID token (sent as the assertion)", token: idToken)]
        ) { _ in () }

        // Step 5: the same role again, with the identity context → credentials B.
        return try await roles.assumeWithContext(token.identityContext ?? "", from: token)
    }

    /// Steps 2 and 5, the same for both kinds of tenant: the data-accessor role with the
    /// tenant tag, without and with the identity context. Each call is its own step in the
    /// flow record, with its own attempt count.
    struct DataAccessorRole {
        let account: ISVAccount
        let sessionName: String
        let tag: SessionTag
        let step: StepRunner
        let endpoint: Endpoint
        let transport: any HTTPTransport
        let logger: Logger

        private var fields: [StepDetail.Field] {
            [
                StepDetail.Field("Role ARN", account.roleARN),
                StepDetail.Field("Session name", sessionName),
                StepDetail.Field("Session tag", "\(tag.key) = \(tag.value)"),
                StepDetail.Field("Duration", "\(account.sessionDuration) s"),
            ]
        }

        private func detail(_ request: [StepDetail.Field], tokens: [DecodedToken] = []) -> StepDetail {
            StepDetail(party: .sts, operation: "AssumeRole", host: endpoint.port.map { "\(endpoint.host):\($0)" } ?? endpoint.host,
                       region: account.region, request: fields + request, tokens: tokens)
        }

        private func sts(counting counter: AttemptCountingTransport) -> STS {
            STS(client: AWSServiceClient(service: .sts, region: account.region, endpoint: endpoint, credentials: account.baseCredentials,
                                         transport: counter, logger: logger))
        }

        func assumeWithTag() async throws(AccessorError) -> Credentials {
            let counter = AttemptCountingTransport(transport)
            let sts = sts(counting: counter)
            return try await step.run(
                .assumeRole, detail: detail([StepDetail.Field("Signed with", "the ISV's own AWS credentials (SigV4)")]),
                counter: counter, expiry: { (role: AssumedRole) in role.credentials.expiration },
                highlights: { (role: AssumedRole) in (TrustedIdentityExchange.highlights(of: role, name: "credentials A"), []) }
            ) {
                try await sts.assumeRole(AssumeRoleRequest(roleARN: account.roleARN, sessionName: sessionName,
                                                           durationSeconds: account.sessionDuration, tags: [tag]))
            }.credentials
        }

        /// `token` is Identity Center's answer the context came from: its ID token is shown
        /// decoded (the context itself only as its length).
        func assumeWithContext(_ context: String, from token: IAMToken) async throws(AccessorError) -> Credentials {
            let provided = ProvidedContext(contextAssertion: context)
            let counter = AttemptCountingTransport(transport)
            let sts = sts(counting: counter)
            let tokens = token.idToken.map { [DecodedToken(name: "Identity Center ID token (its sts:identity_context claim is the assertion)", token: $0)] }
            let identityAware = try await step.run(
                .assumeIdentityAwareRole, detail: detail([
                    StepDetail.Field("Provider ARN", provided.providerARN),
                    StepDetail.Field("Context assertion", "the identity context, " + Redacted.describe(context)),
                    StepDetail.Field("Signed with", "the ISV's own AWS credentials (SigV4)"),
                ], tokens: tokens ?? []),
                counter: counter, expiry: { (role: AssumedRole) in role.credentials.expiration },
                highlights: { (role: AssumedRole) in (TrustedIdentityExchange.highlights(of: role, name: "credentials B (identity-aware)"), []) }
            ) {
                try await sts.assumeRole(AssumeRoleRequest(roleARN: account.roleARN, sessionName: sessionName,
                                                           durationSeconds: account.sessionDuration, tags: [tag], providedContexts: [provided]))
            }.credentials
            logger.debug("exchange finished", metadata: ["tenant": "\(tag.value)", "expires": "\(identityAware.expiration.map { "\($0)" } ?? "-")"])
            return identityAware
        }
    }

    func dataAccessorRole(for tenant: Tenant, sessionName: String, observe: @escaping @Sendable (ExchangeStepReport) -> Void,
                          gate: @escaping @Sendable (PendingExchangeStep) async -> Void) throws(AccessorError) -> DataAccessorRole {
        let endpoint: Endpoint
        do {
            endpoint = try endpoints.endpoint(for: .sts, region: account.region)
        } catch {
            throw .configuration(ServiceFailure(error))
        }
        return DataAccessorRole(account: account, sessionName: sessionName,
                                tag: SessionTag(key: "qbusiness-dataaccessor:ExternalId", value: tenant.id),
                                step: StepRunner(tenantID: tenant.id, logger: logger, observe: observe, gate: gate),
                                endpoint: endpoint, transport: transport, logger: logger)
    }

    /// Steps 3–4 with any grant: CreateTokenWithIAM at the tenant's Identity Center, signed
    /// with credentials A and recorded with the grant's own fields (`showing`); the answer
    /// must carry an identity context, and `finish` reads the rest of it inside the step.
    func createToken<Answer>(_ step: ExchangeStep, in tenant: Tenant, grant: IAMTokenGrant, signedWith roleCredentials: Credentials,
                             by runner: StepRunner, showing fields: [StepDetail.Field], tokens: [DecodedToken] = [],
                             finish: (IAMToken) throws -> Answer) async throws(AccessorError) -> (IAMToken, Answer) {
        let counter = AttemptCountingTransport(transport)
        let request = [StepDetail.Field("Client ID", tenant.idcApplicationARN), StepDetail.Field("Grant type", grant.grantType)]
            + fields + [StepDetail.Field("Signed with", "credentials A (SigV4)")]
        return try await runner.run(
            step, detail: detail(.identityCenter, "CreateTokenWithIAM", region: tenant.idcRegion, request: request, tokens: tokens),
            counter: counter, highlights: { (answer: (IAMToken, Answer)) in Self.highlights(of: answer.0) }
        ) {
            let token = try await identityCenter(for: tenant, signedWith: roleCredentials, transport: counter)
                .createTokenWithIAM(clientID: tenant.idcApplicationARN, grant: grant)
            _ = try Self.identityContext(of: token)
            return (token, try finish(token))
        }
    }

    /// The tenant's Identity Center, signed with credentials A in its region.
    func identityCenter(for tenant: Tenant, signedWith roleCredentials: Credentials, transport: (any HTTPTransport)? = nil) throws -> SSOOIDC {
        SSOOIDC(client: try client(.ssoOIDC, region: tenant.idcRegion, credentials: StaticCredentialsProvider(roleCredentials), transport: transport))
    }

    /// Step 4: the identity context of an Identity Center answer.
    static func identityContext(of token: IAMToken) throws -> String {
        guard let context = token.identityContext, !context.isEmpty else { throw ServiceFailure.missingIdentityContext }
        return context
    }

    /// The request side of a step: where it goes and what it carries.
    func detail(_ party: FlowParty, _ operation: String, region: String, request: [StepDetail.Field],
                        tokens: [DecodedToken] = []) -> StepDetail {
        let service: AWSService = party == .sts ? .sts : .ssoOIDC
        let host = (try? endpoints.endpoint(for: service, region: region)).map { endpoint in
            endpoint.port.map { "\(endpoint.host):\($0)" } ?? endpoint.host
        }
        return StepDetail(party: party, operation: operation, host: host, region: region, request: request, tokens: tokens)
    }

    static func highlights(of role: AssumedRole, name: String) -> [StepDetail.Field] {
        var fields: [StepDetail.Field] = []
        if let arn = role.assumedRoleARN { fields.append(.init("Assumed-role ARN", arn)) }
        if let expiry = role.credentials.expiration {
            fields.append(.init("Expires", expiry.formatted(.iso8601)))
        }
        fields.append(.init("Access key ID", Redacted.describe(role.credentials.accessKeyID)))
        fields.append(.init("Secret access key", Redacted.describe(role.credentials.secretAccessKey)))
        if let token = role.credentials.sessionToken { fields.append(.init("Session token", Redacted.describe(token))) }
        fields.append(.init("Yields", name))
        return fields
    }

    static func highlights(of token: IAMToken) -> (fields: [StepDetail.Field], tokens: [DecodedToken]) {
        var fields: [StepDetail.Field] = []
        if let type = token.issuedTokenType { fields.append(.init("Issued token type", type)) }
        if let type = token.tokenType { fields.append(.init("Token type", type)) }
        if let scopes = token.scope { fields.append(.init("Scopes", scopes.joined(separator: " "))) }
        if let expiresIn = token.expiresIn { fields.append(.init("Expires in", "\(expiresIn) s")) }
        fields.append(.init("Access token", Redacted.describe(token.accessToken)))
        if let refresh = token.refreshToken { fields.append(.init("Refresh token", Redacted.describe(refresh))) }
        fields.append(.init("Identity context", token.identityContext.map { "present, " + Redacted.describe($0) } ?? "absent"))
        var tokens: [DecodedToken] = []
        if let idToken = token.idToken { tokens.append(DecodedToken(name: "Identity Center ID token", token: idToken)) }
        let access = DecodedToken(name: "Identity Center access token", token: token.accessToken)
        if access.isDecoded { tokens.append(access) }
        return (fields, tokens)
    }

    func client(_ service: AWSService, region: String, credentials: any CredentialsProvider,
                transport: (any HTTPTransport)? = nil) throws -> AWSServiceClient {
        AWSServiceClient(service: service, region: region, endpoint: try endpoints.endpoint(for: service, region: region),
                         credentials: credentials, transport: transport ?? self.transport, logger: logger)
    }
}
