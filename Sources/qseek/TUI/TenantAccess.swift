import AWS
import Accessor
import AppCore
import Foundation

/// The data accessor for the TUI: the environment's exchange and search, as they are.
struct TenantAccess: TenantGateway {
    let environment: AppEnvironment

    func exchange(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void) async throws(AccessorError) -> Date {
        try await exchange(for: tenant, observe: observe, gate: { _ in })
    }

    func exchange(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void,
                  gate: @escaping @Sendable (PendingExchangeStep) async -> Void) async throws(AccessorError) -> Date {
        let credentials = try await environment.exchange.credentials(for: tenant, observe: observe, gate: gate)
        return credentials.expiration ?? Date().addingTimeInterval(TimeInterval(environment.config.aws.sessionDuration))
    }

    func pages(of query: PassageQuery) -> AsyncThrowingStream<[Passage], any Error> {
        environment.search.pages(of: query)
    }

    func discardCredentials() async {
        await environment.exchange.discardAll()
    }

    func endpointHost(for party: FlowParty, region: String) -> String? {
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
