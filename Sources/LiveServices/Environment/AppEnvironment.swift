import Accessor
import AWS
import Foundation
import Logging
import OIDC
import QseekConfiguration

/// Everything a command needs, built once from the configuration: the sign-in session, the
/// ISV's AWS identity, the exchange and the search — sharing one HTTP client.
public struct AppEnvironment: Sendable {
    public let config: QseekConfig
    public let configPath: String
    public let signIn: SignInSession
    let identity: IdentityConfiguration
    public let transport: any HTTPTransport
    /// Shuts down the transport's connection pool when the environment owns it.
    private let ownedTransport: AsyncHTTPTransport?
    /// The IdP's transport (the same client, smaller answers), logging each exchange for `--debug`.
    public let identityTransport: any HTTPTransport
    /// The ISV's base AWS identity (the standard chain, a profile, or the config's static key).
    public let baseCredentials: any CredentialsProvider
    /// The standard chain behind `baseCredentials`, uncached; nil when the config holds the key.
    public let baseCredentialsChain: CredentialsChain?
    public let endpoints: EndpointResolver
    let exchange: TrustedIdentityExchange
    /// Auth-code tenants' Identity Center sign-ins, in the token cache.
    public let identityCenterSessions: any IdentityCenterSessionStore
    public let search: PassageSearch
    /// The ISV's own AWS identity; its base credentials also sign Bedrock calls.
    public let account: ISVAccount
    public let tenants: [Tenant]
    public let logger: Logger
    /// A backend's own ID token for this user (`--id-token-file`, `QSEEK_ID_TOKEN`), presented
    /// instead of the cached sign-in's; nil when the cached sign-in is used.
    public let providedIDToken: String?

    /// With `idToken`, the exchange presents that token (a backend's) instead of the cached sign-in.
    /// `transport` replaces the AWS transport (tests record what crosses the wire through it).
    public init(config: QseekConfig, configPath: String, environment: [String: String] = ProcessInfo.processInfo.environment,
         idToken: String? = nil, tokenCache: TokenCache? = nil, transport: (any HTTPTransport)? = nil,
         logger: Logger) throws(CommandFailure) {
        self.config = config
        self.configPath = configPath
        self.logger = logger
        self.providedIDToken = idToken
        let identity = try IdentityConfiguration.configured(config.identity, configPath: configPath, environment: environment)
        // Every check that can refuse the config comes before the transport exists: an owned
        // HTTP client must be shut down, and a throwing initialiser could not do it.
        if let problem = config.staticAccessKeyProblem { throw .usage("\(configPath): aws.access_key_id: \(problem)") }
        guard !config.aws.dataAccessorRoleARN.isEmpty else {
            throw .usage("\(configPath): set [aws].data_accessor_role_arn (the role your customers trust).")
        }
        self.identity = identity
        if let transport {
            self.transport = transport
            ownedTransport = nil
        } else {
            let owned = AsyncHTTPTransport(configuration: .init(applicationVersion: QseekVersion.number))
            self.transport = owned
            ownedTransport = owned
        }
        identityTransport = LoggedTransport((ownedTransport ?? .shared).limitingResponses(to: 1 << 20), party: "IdP", logger: logger)
        let cache = tokenCache ?? TokenCache(directory: TokenCache.defaultDirectory(environment: environment))
        signIn = SignInSession(configuration: self.identity, transport: identityTransport, cache: cache, logger: logger)

        var overrides: [AWSService: String] = [:]
        overrides[.sts] = config.endpoints.sts
        overrides[.ssoOIDC] = config.endpoints.ssoOIDC
        overrides[.qbusiness] = config.endpoints.qbusiness
        overrides[.bedrockRuntime] = config.endpoints.bedrockRuntime
        var awsEnvironment = environment
        if !config.aws.profile.isEmpty { awsEnvironment["AWS_PROFILE"] = config.aws.profile }
        endpoints = EndpointResolver(environment: awsEnvironment, overrides: overrides)

        let base: any CredentialsProvider
        if !config.aws.accessKeyID.isEmpty {
            base = StaticCredentialsProvider(Credentials(accessKeyID: config.aws.accessKeyID, secretAccessKey: config.aws.secretAccessKey))
            baseCredentialsChain = nil
        } else {
            let chain = DefaultCredentialsChain.chain(environment: awsEnvironment, transport: self.transport, logger: logger)
            base = CachedCredentialsProvider(chain)
            baseCredentialsChain = chain
        }
        baseCredentials = base
        account = ISVAccount(baseCredentials: base, roleARN: config.aws.dataAccessorRoleARN, region: config.aws.region,
                                 sessionDuration: config.aws.sessionDuration)
        let session = signIn
        let source: TrustedIdentityExchange.IDTokenSource
        if let idToken {
            // Identity Center verifies this token; the subject only keys the credential cache.
            let subject = UnverifiedJWT(idToken)?.string("sub") ?? "provided-token"
            source = { SignedInUser(subject: subject, idToken: idToken) }
        } else {
            source = {
                do {
                    let tokens = try await session.validTokens()
                    return SignedInUser(subject: tokens.claims.subject, idToken: tokens.idToken)
                } catch let error as OIDCError {
                    throw AccessorError.signInRequired(error.userMessage)
                }
            }
        }
        identityCenterSessions = CachedIdentityCenterSessions(cache: cache)
        exchange = TrustedIdentityExchange(account: account, endpoints: endpoints, transport: self.transport, idToken: source,
                                           identityCenterSessions: identityCenterSessions, logger: logger)
        search = PassageSearch(exchange: exchange, endpoints: endpoints, transport: self.transport, logger: logger)
        tenants = Self.tenants(of: config)
    }

    /// The configured tenants as the exchange sees them.
    public static func tenants(of config: QseekConfig) -> [Tenant] {
        config.tenants.map {
            Tenant(id: $0.id, name: $0.name.isEmpty ? $0.id : $0.name, applicationID: $0.applicationID, retrieverID: $0.retrieverID,
                   region: $0.region, idcRegion: $0.idcRegion, idcApplicationARN: $0.idcApplicationARN,
                   authentication: $0.auth == .idcAuthCode ? .identityCenterAuthCode(redirectURI: $0.redirectURI) : .trustedTokenIssuer)
        }
    }

    /// The tenants `tokens`' user may use: all configured, or those the tenant claim lists.
    /// Auth-code tenants are not the ISV IdP's to list: the customer's Identity Center decides.
    /// The ID token this user's requests present: the backend's, else the cached sign-in's
    /// (renewed when it is about to expire).
    public func currentIDToken() async throws -> String {
        if let providedIDToken { return providedIDToken }
        return try await signIn.validTokens().idToken
    }

    public func tenants(for tokens: TokenSet) -> [Tenant] {
        guard let claimed = claimedTenantIDs(in: tokens) else { return tenants }
        return Tenant.available(tenants, claimedIDs: claimed + tenants.filter(\.usesIdentityCenterSignIn).map(\.id))
    }

    public func claimedTenantIDs(in tokens: TokenSet) -> [String]? {
        let claim = config.identity.tenantClaim
        guard !claim.isEmpty else { return nil }
        return UnverifiedJWT(tokens.idToken)?.strings(claim) ?? []
    }

    public func shutdown() async {
        try? await ownedTransport?.shutdown()
    }
}
