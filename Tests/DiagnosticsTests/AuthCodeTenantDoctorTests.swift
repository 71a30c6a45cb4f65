import Foundation
import LiveServices
import Logging
import QseekConfiguration
import SandboxTestSupport
import Testing
@testable import Diagnostics

/// `qseek doctor` on an auth-code tenant signed in at its Identity Center, with no IdP sign-in.
@Suite("Doctor on auth-code tenants", .serialized)
struct AuthCodeTenantDoctorTests {
    static let tenantID = "T0300GLBX"

    @Test func doctorRunsTheAuthCodeStepsOnceSignedInWithoutAnIdPSignIn() async throws {
        try await SandboxSetup.run { setup in
            let (config, location) = try QseekConfig.load(option: setup.configPath, environment: [:])
            let environment = try AppEnvironment(config: config, configPath: location.path, environment: setup.environment,
                                                 tokenCache: setup.cache, logger: Logger(debugFile: nil))
            _ = try await IdentityCenterLogin.signIn(to: try environment.tenant(id: Self.tenantID), in: environment, user: "ivan@globex.example",
                                                     openBrowser: false, timeout: .seconds(30), progress: { _ in })
            await environment.shutdown()
            let report = await setup.checkup(tenant: Self.tenantID)
            #expect(report.ok, "\(report.steps.filter { $0.status == .failed })")
            #expect(report.step("sign-in")?.status == .skipped)
            for id in ["assume-role", "refresh-token", "identity-aware-role", "search"] {
                #expect(report.step(id, tenant: Self.tenantID)?.status == .ok, "\(id)")
            }
        }
    }
}
