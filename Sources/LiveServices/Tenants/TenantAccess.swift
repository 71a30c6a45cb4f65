import Accessor
import AppCore
import AWS
import Foundation
import OIDC

/// The data accessor for the TUI: the environment's exchange and search, as they are. An
/// auth-code tenant with no usable Identity Center sign-in signs in there first (the IdP
/// user's own email as the login hint, approved with no browser when it is one of the
/// tenant's sandbox demo users).
public struct TenantAccess: TenantGateway {
    let environment: AppEnvironment

    public init(environment: AppEnvironment) {
        self.environment = environment
    }

    public func exchange(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void) async throws(AccessorError) -> Date {
        try await exchange(for: tenant, observe: observe, gate: { _ in }, signInURL: { _ in }).expiresAt
    }

    public func exchange(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void,
                  gate: @escaping @Sendable (PendingExchangeStep) async -> Void,
                  signInURL: @escaping @Sendable (String) -> Void) async throws(AccessorError) -> (expiresAt: Date, identityCenterUser: String?) {
        let credentials: Credentials
        do throws(AccessorError) {
            credentials = try await environment.exchange.credentials(for: tenant, observe: observe, gate: gate)
        } catch .identityCenterSignInRequired {
            try await signIn(to: tenant, observe: observe, signInURL: signInURL)
            credentials = try await environment.exchange.credentials(for: tenant, observe: observe, gate: gate)
        }
        let expiry = credentials.expiration ?? Date().addingTimeInterval(TimeInterval(environment.config.aws.sessionDuration))
        return (expiry, await environment.exchange.identityCenterSession(for: tenant)?.user)
    }

    private func signIn(to tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void,
                        signInURL: @escaping @Sendable (String) -> Void) async throws(AccessorError) {
        let hint = await environment.signIn.cachedSignIn()?.claims.email
        do {
            _ = try await IdentityCenterLogin.signIn(to: tenant, in: environment, user: hint, openBrowser: true, timeout: .seconds(300),
                                                     observe: observe) { step in
                if case .authorizationURL(let url) = step { signInURL(url.absoluteString) }
            }
        } catch let error as AccessorError {
            throw error
        } catch let error as OIDCError {
            throw .identityCenterSignInRequired(tenantID: tenant.id, reason: "the sign-in at its Identity Center did not finish: \(error.userMessage)")
        } catch {
            throw .identityCenterSignInRequired(tenantID: tenant.id, reason: "the sign-in at its Identity Center did not finish (\(CommandFailure(error).message)).")
        }
    }

    public func pages(of query: PassageQuery) -> AsyncThrowingStream<[Passage], any Error> {
        environment.search.pages(of: query)
    }

    public func discardCredentials() async {
        await environment.exchange.discardAll()
    }

    public func endpointHost(for party: FlowParty, region: String) -> String? {
        let config = environment.config
        let service: AWSService
        var region = region
        switch party {
        case .qBusiness: service = .qbusiness
        case .sts: service = .sts
        case .identityCenter: service = .ssoOIDC
        case .model:
            switch config.model.provider {
            case .bedrock:
                service = .bedrockRuntime
                region = config.model.region.isEmpty ? config.aws.region : config.model.region
            case .openai: return URLComponents(string: config.model.baseURL)?.host
            case .none: return nil
            }
        case .qseek, .identityProvider: return nil
        }
        guard let endpoint = try? environment.endpoints.endpoint(for: service, region: region) else { return nil }
        return endpoint.port.map { "\(endpoint.host):\($0)" } ?? endpoint.host
    }
}
