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
public actor TrustedIdentityExchange {
    public typealias IDTokenSource = @Sendable () async throws -> SignedInUser

    private let account: ISVAccount
    private let endpoints: EndpointResolver
    private let transport: any HTTPTransport
    private let idToken: IDTokenSource
    private let now: @Sendable () -> Date
    private let logger: Logger
    private var cache: [Key: Credentials] = [:]

    /// Renew this long before expiry.
    public static let renewalMargin: TimeInterval = 120

    private struct Key: Hashable {
        var subject: String
        var tenantID: String
    }

    public init(account: ISVAccount, endpoints: EndpointResolver, transport: any HTTPTransport,
                idToken: @escaping IDTokenSource, logger: Logger = Logger(label: "qseek.accessor"),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.account = account
        self.endpoints = endpoints
        self.transport = transport
        self.idToken = idToken
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
            for step in ExchangeStep.allCases {
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
        let tag = SessionTag(key: "qbusiness-dataaccessor:ExternalId", value: tenant.id)
        let step = StepRunner(tenantID: tenant.id, logger: logger, observe: observe, gate: gate)
        logger.debug("exchange started", metadata: ["tenant": "\(tenant.id)", "subject": "\(user.subject)"])
        let roleFields = [
            StepDetail.Field("Role ARN", account.roleARN),
            StepDetail.Field("Session name", user.sessionName),
            StepDetail.Field("Session tag", "\(tag.key) = \(tag.value)"),
            StepDetail.Field("Duration", "\(account.sessionDuration) s"),
        ]

        // Step 2: the data-accessor role with the tenant tag → credentials A.
        let firstCounter = AttemptCountingTransport(transport)
        let firstSTS = try stsClient(counting: firstCounter)
        let roleCredentials = try await step.run(
            .assumeRole, detail: detail(.sts, "AssumeRole", region: account.region, request: roleFields + [
                StepDetail.Field("Signed with", "the ISV's own AWS credentials (SigV4)"),
            ]), counter: firstCounter, expiry: { (role: AssumedRole) in role.credentials.expiration },
            highlights: { (role: AssumedRole) in (Self.highlights(of: role, name: "credentials A"), []) }
        ) {
            try await firstSTS.assumeRole(AssumeRoleRequest(roleARN: account.roleARN, sessionName: user.sessionName,
                                                            durationSeconds: account.sessionDuration, tags: [tag]))
        }.credentials

        // Steps 3–4: CreateTokenWithIAM at the tenant's Identity Center, signed with A.
        guard let idToken = user.idToken else { throw .signInRequired("there is no ID token to exchange; run `qseek login`.") }
        let grant = IAMTokenGrant.jwtBearer(assertion: idToken)
        let tokenCounter = AttemptCountingTransport(transport)
        let token = try await step.run(
            .exchangeToken, detail: detail(.identityCenter, "CreateTokenWithIAM", region: tenant.idcRegion, request: [
                StepDetail.Field("Client ID", tenant.idcApplicationARN),
                StepDetail.Field("Grant type", grant.grantType),
                StepDetail.Field("Assertion", "the ID token, " + Redacted.describe(idToken)),
                StepDetail.Field("Signed with", "credentials A (SigV4)"),
            ], tokens: [DecodedToken(name: "ID token (sent as the assertion)", token: idToken)]),
            counter: tokenCounter,
            highlights: { (token: IAMToken) in Self.highlights(of: token) }
        ) {
            let oidc = SSOOIDC(client: try client(.ssoOIDC, region: tenant.idcRegion, credentials: StaticCredentialsProvider(roleCredentials),
                                                  transport: tokenCounter))
            let token = try await oidc.createTokenWithIAM(clientID: tenant.idcApplicationARN, grant: grant)
            guard let context = token.identityContext, !context.isEmpty else { throw ServiceFailure.missingIdentityContext }
            return token
        }
        let context = token.identityContext ?? ""

        // Step 5: the same role again, with the identity context → credentials B.
        let providedContext = ProvidedContext(contextAssertion: context)
        let lastCounter = AttemptCountingTransport(transport)
        let lastSTS = try stsClient(counting: lastCounter)
        let identityAware = try await step.run(
            .assumeIdentityAwareRole, detail: detail(.sts, "AssumeRole", region: account.region, request: roleFields + [
                StepDetail.Field("Provider ARN", providedContext.providerARN),
                StepDetail.Field("Context assertion", "the identity context, " + Redacted.describe(context)),
                StepDetail.Field("Signed with", "the ISV's own AWS credentials (SigV4)"),
            ], tokens: token.idToken.map { [DecodedToken(name: "Identity Center ID token (its sts:identity_context claim is the assertion)",
                                                         token: $0)] } ?? []), counter: lastCounter, expiry: { (role: AssumedRole) in role.credentials.expiration },
            highlights: { (role: AssumedRole) in (Self.highlights(of: role, name: "credentials B (identity-aware)"), []) }
        ) {
            try await lastSTS.assumeRole(AssumeRoleRequest(roleARN: account.roleARN, sessionName: user.sessionName,
                                                           durationSeconds: account.sessionDuration, tags: [tag],
                                                           providedContexts: [providedContext]))
        }.credentials
        logger.debug("exchange finished", metadata: ["tenant": "\(tenant.id)", "expires": "\(identityAware.expiration.map { "\($0)" } ?? "-")"])
        return identityAware
    }

    private func stsClient(counting counter: AttemptCountingTransport) throws(AccessorError) -> STS {
        do {
            return STS(client: try client(.sts, region: account.region, credentials: account.baseCredentials, transport: counter))
        } catch {
            throw .configuration(ServiceFailure(error))
        }
    }

    /// The request side of a step: where it goes and what it carries.
    private func detail(_ party: FlowParty, _ operation: String, region: String, request: [StepDetail.Field],
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
            fields.append(.init("Expires", ISO8601DateFormatter().string(from: expiry)))
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
