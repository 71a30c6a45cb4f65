import Accessor
import AppCore
import Foundation

/// The data accessor for the TUI: the environment's exchange and search, as they are.
struct TenantAccess: TenantGateway {
    let environment: AppEnvironment

    func exchange(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void) async throws(AccessorError) -> Date {
        let credentials = try await environment.exchange.credentials(for: tenant, observe: observe)
        return credentials.expiration ?? Date().addingTimeInterval(TimeInterval(environment.config.aws.sessionDuration))
    }

    func pages(of query: PassageQuery) -> AsyncThrowingStream<[Passage], any Error> {
        environment.search.pages(of: query)
    }

    func discardCredentials() async {
        await environment.exchange.discardAll()
    }
}
