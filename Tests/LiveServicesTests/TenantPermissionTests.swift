import Foundation
import SandboxTestSupport
import Testing
@testable import LiveServices

/// `[identity] tenant_claim` decides which configured tenants a user may search.
@Suite("Tenant permission", .serialized)
struct TenantPermissionTests {
    @Test func aTenantInTheClaimIsPermitted() async throws {
        try await SandboxSetup.run { setup in
            let tokens = try await setup.signIn("alice@acme.example")
            let environment = try setup.appEnvironment(idToken: tokens.idToken)
            #expect(try await environment.permittedTenant(id: "T0100ACME").id == "T0100ACME")
            await #expect(throws: CommandFailure.self) {
                try await environment.permittedTenant(id: "T0200NWND")
            }
            await environment.shutdown()
        }
    }
}
