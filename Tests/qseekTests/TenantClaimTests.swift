import ArgumentParser
import Foundation
import SandboxTestSupport
import Testing
@testable import qseek

/// `[identity] tenant_claim` limits `search` and `ask --tenant` as it limits the TUI and
/// `tenants`: a configured tenant that is not in the user's claim gets no request at all.
@Suite("Tenant claim on the command line", .serialized)
struct TenantClaimTests {
    @Test(arguments: ["search", "ask"])
    func aTenantOutsideTheClaimIsRefusedBeforeAnyAWSRequest(command: String) async throws {
        try await SandboxSetup.run { setup in
            let tokens = try await setup.signIn("erin@northwind.example")  // Northwind only
            let tokenFile = setup.directory.appendingPathComponent("id-token").path
            try tokens.idToken.write(toFile: tokenFile, atomically: true, encoding: .utf8)
            let log = setup.directory.appendingPathComponent("debug.log").path
            let parsed = try Qseek.parseAsRoot([command, "vacation policy", "--tenant", "T0100ACME", "--config", setup.configPath,
                                                "--debug", log, "--id-token-file", tokenFile, "--json"])
            await #expect {
                if let search = parsed as? Search { try await search.run() } else { try await #require(parsed as? Ask).run() }
            } throws: { error in
                (error as? ExitCode)?.rawValue == 65
            }
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            #expect(!text.contains("AWS request"), "a request was sent for a tenant outside the claim")
        }
    }
}
