import Foundation
import SandboxTestSupport
import Testing
@testable import Diagnostics

/// `qseek doctor` against the real sandbox: every step passes on a good setup, and each
/// classic mistake fails at its own step with the cause and the fix. Serialized: each test
/// starts a sandbox (two RSA keys), and a dozen at once starve the 2-thread cooperative pool
/// that timing-sensitive tests elsewhere in the run share.
@Suite("qseek doctor", .serialized)
struct DoctorTests {
    static let acme = "T0100ACME"
    static let northwind = "T0200NWND"

    @Test func aCompleteSandboxSetupPassesEveryStepForEveryTenant() async throws {
        try await SandboxSetup.run { setup in
            // Priya is a member of both tenants.
            try await setup.signIn("priya@consult.example")
            let report = await setup.checkup()
            #expect(report.ok, "\(report.steps.filter { $0.status == .failed })")
            #expect(report.exitCode == 0)
            #expect(report.steps.map(\.id) == ["config", "discovery", "jwks", "sign-in", "aws-identity"]
                + ["assume-role", "create-token", "identity-aware-role", "search"] + ["assume-role", "create-token", "identity-aware-role", "search"]
                + ["refresh-token", "identity-aware-role", "search"]  // the auth-code tenant, nobody signed in at its Identity Center
                + ["model"])
            #expect(report.step("refresh-token", tenant: "T0300GLBX")?.status == .skipped)
            #expect(report.step("refresh-token", tenant: "T0300GLBX")?.detail?.contains("qseek login --tenant T0300GLBX") == true)
            #expect(report.step("aws-identity")?.detail?.contains("111122223333") == true)
            #expect(report.step("search", tenant: Self.northwind)?.status == .ok)
            #expect(report.step("model")?.status == .ok)
        }
    }

    @Test func tenantsOutsideTheUsersTenantClaimAreSkipped() async throws {
        try await SandboxSetup.run { setup in
            // Alice's ID token lists only Acme in its `tenants` claim.
            try await setup.signIn("alice@acme.example")
            let report = await setup.checkup()
            #expect(report.ok)
            #expect(report.step("search", tenant: Self.acme)?.status == .ok)
            #expect(report.step("tenant", tenant: Self.northwind)?.status == .skipped)
            #expect(report.step("assume-role", tenant: Self.northwind) == nil)
        }
    }

    @Test func aRoleThatDoesNotTrustTheISVFailsAtAssumeRoleAndNamesTheTrustPolicy() async throws {
        try await SandboxSetup.run(editingConfig: { $0.replacingOccurrences(of: "role/QseekDataAccessor", with: "role/SomeoneElsesRole") }) { setup in
            try await setup.signIn("alice@acme.example")
            let report = await setup.checkup(tenant: Self.acme)
            let failure = try #require(report.failed)
            #expect(failure.id == "assume-role")
            #expect(failure.tenant == Self.acme)
            #expect(failure.fix?.contains("sts:TagSession") == true)
            #expect(failure.fix?.contains("role/SomeoneElsesRole") == true)
            #expect(report.exitCode == 66)
            #expect(report.steps.last == failure, "doctor stops at the first failure without --all")
        }
    }

    @Test func aWrongIdentityCenterApplicationARNFailsAtCreateTokenWithIAM() async throws {
        try await SandboxSetup.run(editingConfig: { $0.replacingOccurrences(of: "apl-acme0data0accessor1", with: "apl-acme0other0app0001") }) { setup in
            try await setup.signIn("alice@acme.example")
            let report = await setup.checkup(tenant: Self.acme)
            let failure = try #require(report.failed)
            #expect(failure.id == "create-token")
            #expect(failure.cause?.contains("application ARN is wrong") == true)
            #expect(failure.fix?.contains("tenants[0].idc_application_arn") == true)
            #expect(report.step("assume-role")?.status == .ok)
        }
    }

    @Test func aWrongIdentityCenterRegionIsNamedWithTheRightOne() async throws {
        // Northwind's Identity Center is in eu-west-1; the config claims us-east-1.
        try await SandboxSetup.run(editingConfig: { $0.replacingOccurrences(of: "idc_region = \"eu-west-1\"", with: "idc_region = \"us-east-1\"") }) { setup in
            try await setup.signIn("priya@consult.example")
            let report = await setup.checkup(tenant: Self.northwind)
            let failure = try #require(report.failed)
            #expect(failure.id == "create-token")
            #expect(failure.cause?.contains("eu-west-1") == true)
            #expect(failure.fix == "Set tenants[1].idc_region (tenant T0200NWND) = \"eu-west-1\".")
        }
    }

    @Test func aWrongApplicationIdFailsAtTheProbeSearchAndSaysWhichId() async throws {
        try await SandboxSetup.run(editingConfig: { $0.replacingOccurrences(of: "a1c3e5f7-0acm-4e00-9c10-acmecloud001", with: "a1c3e5f7-0acm-4e00-9c10-acmecloud999") }) { setup in
            try await setup.signIn("alice@acme.example")
            let report = await setup.checkup(tenant: Self.acme)
            let failure = try #require(report.failed)
            #expect(failure.id == "search")
            #expect(failure.fix?.contains("application_id") == true)
            #expect(report.step("identity-aware-role")?.status == .ok)
            #expect(report.exitCode == 66)
        }
    }

    @Test func aWrongRetrieverIdIsNamedAsTheRetriever() async throws {
        try await SandboxSetup.run(editingConfig: { $0.replacingOccurrences(of: "r1c3e5f7-0acm-4e00-9c10-acmecloud002", with: "r1c3e5f7-0acm-4e00-9c10-acmecloud003") }) { setup in
            try await setup.signIn("alice@acme.example")
            let report = await setup.checkup(tenant: Self.acme)
            let failure = try #require(report.failed)
            #expect(failure.id == "search")
            #expect(failure.fix == "Check tenants[0].retriever_id (tenant T0100ACME) against the values the customer gave you.")
        }
    }

    @Test func withoutASignInDoctorSaysLoginAndWithAllStillChecksTheAWSSide() async throws {
        try await SandboxSetup.run { setup in
            let stopped = await setup.checkup(tenant: Self.acme)
            #expect(stopped.failed?.id == "sign-in")
            #expect(stopped.failed?.fix == "Run `qseek login`.")
            #expect(stopped.exitCode == 65)

            let everything = await setup.checkup(tenant: Self.acme, all: true)
            #expect(everything.step("aws-identity")?.status == .ok)
            #expect(everything.step("assume-role")?.status == .ok)
            #expect(everything.step("create-token")?.status == .skipped)
            #expect(everything.exitCode == 65)
        }
    }

    @Test func aConfigErrorIsReportedWithFileAndLineAndExit64() async throws {
        try await SandboxSetup.run(editingConfig: { $0.replacingOccurrences(of: "session_duration = 900", with: "session_duration = 90") }) { setup in
            let report = await setup.checkup()
            let failure = try #require(report.failed)
            #expect(failure.id == "config")
            #expect(failure.cause?.contains("config.toml:") == true)
            #expect(failure.cause?.contains("aws.session_duration") == true)
            #expect(report.exitCode == 64)
            #expect(report.steps.count == 1)
        }
    }

    @Test func anUnreachableOpenAIServerFailsTheModelStepAsANetworkError() async throws {
        try await SandboxSetup.run(editingConfig: { text in
            // Port 9 (discard) on loopback: nothing listens there.
            text.replacingOccurrences(of: "provider = \"bedrock\"", with: "provider = \"openai\"\nbase_url = \"http://127.0.0.1:9/v1\"")
        }) { setup in
            try await setup.signIn("alice@acme.example")
            let report = await setup.checkup(tenant: Self.acme)
            let failure = try #require(report.failed)
            #expect(failure.id == "model")
            #expect(failure.cause?.contains("http://127.0.0.1:9/v1/models") == true)
            #expect(report.exitCode == 69)
        }
    }

    @Test func theJSONDocumentHasTheDocumentedFields() async throws {
        try await SandboxSetup.run(editingConfig: { $0.replacingOccurrences(of: "role/QseekDataAccessor", with: "role/Nope") }) { setup in
            try await setup.signIn("alice@acme.example")
            let report = await setup.checkup(tenant: Self.acme)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(report)) as? [String: Any])
            #expect(object["ok"] as? Bool == false)
            #expect(object["exitCode"] as? Int == 66)
            let steps = try #require(object["steps"] as? [[String: Any]])
            #expect(steps.first?["id"] as? String == "config")
            #expect(steps.first?["status"] as? String == "ok")
            let last = try #require(steps.last)
            #expect(last["status"] as? String == "failed")
            #expect(last["tenant"] as? String == Self.acme)
            #expect(last["cause"] is String && last["fix"] is String)
        }
    }
}
