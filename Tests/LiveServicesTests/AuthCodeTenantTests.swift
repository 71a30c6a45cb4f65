import Accessor
import Foundation
import OIDC
import QseekConfiguration
import SandboxTestSupport
import Testing
@testable import LiveServices

/// An auth-code tenant end to end in qseek: the sandbox's config names it, `login --tenant`'s
/// sign-in (a demo user, approved with no one at a browser) keeps its refresh token in the
/// token cache, and a later environment (a later process) searches with no browser.
@Suite("Auth-code tenants in qseek", .serialized)
struct AuthCodeTenantTests {
    static let tenantID = "T0300GLBX"

    func environment(_ setup: SandboxSetup) throws -> AppEnvironment {
        try setup.appEnvironment()
    }

    @Test func theSandboxConfigNamesTheAuthCodeTenantWithItsRedirectURI() async throws {
        try await SandboxSetup.run { setup in
            let (config, _) = try QseekConfig.load(option: setup.configPath, environment: [:])
            let tenant = try #require(config.tenants.first { $0.id == Self.tenantID })
            #expect(tenant.auth == .idcAuthCode)
            #expect(tenant.redirectURI == "http://127.0.0.1:47311/callback")
            #expect(tenant.demoUsers.contains("hana@globex.example"))
            #expect(config.tenants.filter { $0.auth == .tti }.count == 2)
            #expect(try ConfigParser(text: String(contentsOfFile: setup.configPath, encoding: .utf8)).check().problems.isEmpty)
        }
    }

    @Test func signInThenSearchInALaterProcessWithNoBrowser() async throws {
        try await SandboxSetup.run { setup in
            let first = try environment(setup)
            let tenant = try first.tenant(id: Self.tenantID)
            let session = try await IdentityCenterLogin.signIn(to: tenant, in: first, user: "hana@globex.example", openBrowser: false,
                                                               timeout: .seconds(30), progress: { _ in })
            #expect(session.user == "hana@globex.example")
            await first.shutdown()

            // The refresh token is on disk, private to the user.
            let file = setup.cache.fileURL(forKey: CachedIdentityCenterSessions.key(for: tenant)).path
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
            #expect(mode == 0o600)

            let later = try environment(setup)
            var passages: [Accessor.Passage] = []
            for try await page in later.search.pages(of: PassageQuery(tenant: tenant, text: "ward handover checklist", pageSize: 5, maxPages: 1)) {
                passages += page
            }
            #expect(passages.contains { $0.documentID == "globex-guide-0003" })
            #expect(later.identityCenterSessions.session(for: tenant)?.refreshToken != session.refreshToken)  // rotated
            await later.shutdown()
        }
    }

    @Test func searchWithoutASignInAsksForOneInWords() async throws {
        try await SandboxSetup.run { setup in
            let environment = try environment(setup)
            let tenant = try environment.tenant(id: Self.tenantID)
            await #expect {
                for try await _ in environment.search.pages(of: PassageQuery(tenant: tenant, text: "x", pageSize: 1, maxPages: 1)) {}
            } throws: { error in
                let failure = CommandFailure(error)
                return failure.exitCode == 65 && failure.message.contains("qseek login --tenant \(Self.tenantID)")
            }
            await environment.shutdown()
        }
    }

    @Test func aTTITenantRefusesLoginWithTenant() async throws {
        try await SandboxSetup.run { setup in
            let environment = try environment(setup)
            await #expect(throws: CommandFailure.self) {
                _ = try await IdentityCenterLogin.signIn(to: try environment.tenant(id: "T0100ACME"), in: environment, user: nil,
                                                         openBrowser: false, timeout: .seconds(1), progress: { _ in })
            }
            await environment.shutdown()
        }
    }
}
