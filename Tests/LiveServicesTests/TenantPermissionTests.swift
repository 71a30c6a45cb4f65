import Foundation
import Logging
import QseekConfiguration
import SandboxTestSupport
import Testing
@testable import LiveServices

/// `[identity] tenant_claim` decides which configured tenants a user may search.
@Suite("Tenant permission", .serialized)
struct TenantPermissionTests {
    @Test func aTenantInTheClaimIsPermitted() async throws {
        try await SandboxSetup.run { setup in
            let tokens = try await setup.signIn("alice@acme.example")
            let (config, location) = try QseekConfig.load(option: setup.configPath, environment: [:])
            let environment = try AppEnvironment(config: config, configPath: location.path, environment: setup.environment,
                                                 tokenCache: setup.cache, logger: Logger(debugFile: nil))
            #expect(try await environment.permittedTenant(id: "T0100ACME", providedIDToken: tokens.idToken).id == "T0100ACME")
            await #expect(throws: CommandFailure.self) {
                try await environment.permittedTenant(id: "T0200NWND", providedIDToken: tokens.idToken)
            }
            await environment.shutdown()
        }
    }
}
