import ArgumentParser
import Foundation
import LiveServices
import Logging
import Sandbox
import Terminal

struct Sandbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the local sandbox that plays the ISV's IdP and the customer's AWS.",
        subcommands: [Serve.self]
    )

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the sandbox on a loopback port until SIGINT or SIGTERM.",
            discussion: "The first line on stdout is `sandbox: http://HOST:PORT`."
        )

        @Option(help: "Loopback address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "Port to listen on; 0 picks a free one.")
        var port = 0

        @Option(help: "A corpus directory (tenants.toml and documents-*.jsonl) instead of the bundled demo corpus.")
        var data: String?

        @Option(name: .customLong("write-config"), help: "Write a qseek config for this sandbox to FILE.")
        var writeConfig: String?

        @Option(name: .customLong("trust-issuer"), help: "An external OIDC issuer for every tenant's Identity Center to trust.")
        var trustIssuer: String?

        @Option(name: .customLong("trust-audience"), help: "The audience (client id) the external issuer's tokens must carry.")
        var trustAudience: String?

        @Option(name: .customLong("trust-claim"), help: "The ID-token claim mapped to Identity Center users.")
        var trustClaim = "email"

        @OptionGroup var faults: FaultOptions

        @Option(name: .customLong("id-token-lifetime"), help: "Lifetime of the IdP's ID tokens, in seconds.")
        var idTokenLifetime: Int = 3600

        @Option(name: .customLong("auth-code-lifetime"),
                help: "Lifetime of Identity Center authorization codes (auth-code tenants), in seconds.")
        var authCodeLifetime: Int = 60

        @Option(name: .customLong("record-secrets"),
                help: "Append every secret the sandbox issues to FILE (0600), for secret-hygiene tests.")
        var recordSecrets: String?

        func validate() throws {
            if (trustIssuer == nil) != (trustAudience == nil) {
                throw ValidationError("--trust-issuer and --trust-audience go together")
            }
            if idTokenLifetime < 1 { throw ValidationError("--id-token-lifetime must be at least 1 second") }
            if authCodeLifetime < 1 { throw ValidationError("--auth-code-lifetime must be at least 1 second") }
            if !(0...65_535).contains(port) { throw ValidationError("--port must be 0...65535") }
        }

        func run() async throws {
            var options = SandboxOptions(host: host, port: port, faults: try faults.plan(), seed: faults.seed,
                                         idTokenLifetime: TimeInterval(idTokenLifetime))
            options.dataDirectory = data.map { URL(fileURLWithPath: $0) }
            options.secretLedgerPath = recordSecrets
            options.authCodeLifetime = TimeInterval(authCodeLifetime)
            if let trustIssuer, let trustAudience {
                options.trustedIssuer = TrustedIssuer(issuer: trustIssuer, audience: trustAudience, claim: trustClaim)
            }
            var logger = Logger(label: "qseek.sandbox")
            logger.logLevel = .warning
            let sandbox: RunningSandbox
            do {
                sandbox = try await SandboxServer.start(options, stopOnSignals: true, logger: logger)
            } catch let error as SandboxStartError {
                StandardStreams.err("qseek: \(error.description.sanitizedForTerminal)\n")
                throw ExitStatus.usage.exitCode
            }
            if let writeConfig {
                do {
                    try SandboxConfigFile.toml(for: sandbox).write(toFile: writeConfig, atomically: true, encoding: .utf8)
                } catch {
                    StandardStreams.err("qseek: cannot write \(writeConfig): \(error.localizedDescription.sanitizedForTerminal)\n")
                    await sandbox.shutdown()
                    throw ExitStatus.usage.exitCode
                }
            }
            StandardStreams.out("sandbox: \(sandbox.baseURL)\n")
            StandardStreams.err("""
                issuer      \(sandbox.issuer)  (client id \(sandbox.corpus.clientID))
                endpoints   sts \(sandbox.endpoints.sts)  sso-oidc \(sandbox.endpoints.ssoOIDC)
                            qbusiness \(sandbox.endpoints.qbusiness)  bedrock-runtime \(sandbox.endpoints.bedrockRuntime)
                demo users  \(sandbox.corpus.users.map(\.email).joined(separator: ", "))
                Ctrl+C stops the sandbox.

                """)
            try await sandbox.waitUntilStopped()
        }
    }
}
