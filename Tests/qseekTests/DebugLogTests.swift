import Foundation
import Sandbox
import SandboxTestSupport
import Testing
@testable import qseek

/// `qseek search --debug FILE` logs every request and every step of the flow, and not one secret.
@Suite("--debug log of a command", .serialized)
struct DebugLogTests {
    @Test func aFullSearchWithDebugLogsEveryRequestAndNoSecret() async throws {
        try await SandboxSetup.run { setup in
            let tokens = try await setup.signIn("alice@acme.example")
            let tokenFile = setup.directory.appendingPathComponent("id-token").path
            try tokens.idToken.write(toFile: tokenFile, atomically: true, encoding: .utf8)
            let log = setup.directory.appendingPathComponent("debug.log").path

            let command = try #require(try Qseek.parseAsRoot([
                "search", "vacation policy", "--tenant", "T0100ACME", "--config", setup.configPath,
                "--debug", log, "--id-token-file", tokenFile, "--json",
            ]) as? Search)
            try await command.run()

            let text = try String(contentsOfFile: log, encoding: .utf8)
            // Every call of the flow, with status, latency, request id and attempt.
            for path in ["path=/sts/", "path=/sso-oidc/token", "path=/qbusiness/applications/"] {
                let line = try #require(text.split(separator: "\n").first { $0.contains("AWS request") && $0.contains(path) }, "no line for \(path)")
                #expect(line.contains("status=200"))
                #expect(line.contains("attempt=1"))
                #expect(line.contains("latencyMs="))
                #expect(line.contains("requestId=") && !line.contains("requestId=-"))
            }
            for step in ["assumeRole", "exchangeToken", "assumeIdentityAwareRole"] {
                #expect(text.contains("exchange step done") && text.contains("step=\(step)"))
            }
            #expect(text.contains("search page arrived"))

            var secrets = [tokens.idToken, DemoCredentials.secretAccessKey]
            if let access = tokens.accessToken { secrets.append(access) }
            if let refresh = tokens.refreshToken { secrets.append(refresh) }
            for secret in secrets {
                #expect(!text.contains(secret), "a secret reached the debug log")
            }
        }
    }
}
