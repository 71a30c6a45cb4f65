import ArgumentParser
import Foundation
import LiveServices
import Logging
import OIDC
import QseekConfiguration
import Sandbox

/// `qseek demo`: the whole flow on an in-process sandbox; needs no config and no network.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole flow on the embedded sandbox (an IdP plus a customer's AWS on a loopback port).",
        discussion: """
            Sign in as one of the demo users, choose a tenant, and ask: everything runs offline, on this machine.
            --faults shows how qseek rides out a flaky service (throttling, errors, latency, expiring credentials)
            or a slow model (model-pace=300ms).
            """
    )

    @OptionGroup var faults: FaultOptions

    @Option(help: "Write a debug log to this file (secrets are never logged).") var debug: String?

    @Flag(help: "Presenter mode: the flow view opens when the exchange starts, and each step waits for Space (Esc runs the rest).")
    var presenter = false

    @Option(help: ArgumentHelp("Record every secret the embedded sandbox issues to this file (for secret-hygiene tests).", visibility: .hidden))
    var recordSecrets: String?

    @MainActor
    func run() async throws {
        let sandbox: RunningSandbox
        do {
            var options = SandboxOptions(faults: try faults.plan(), seed: faults.seed)
            options.secretLedgerPath = recordSecrets
            sandbox = try await SandboxServer.start(options)
        } catch {
            throw CommandFailure.unexpected("the sandbox did not start: \(error)").exit()
        }
        // The demo's sign-in lives and dies with this run: a private token cache.
        let cacheDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cacheDirectory) }
        do {
            let config = try ConfigParser(text: SandboxConfigFile.toml(for: sandbox), file: "(demo sandbox)").parse()
            let environment = try AppEnvironment(config: config, configPath: "(demo sandbox at \(sandbox.baseURL))",
                                                 tokenCache: TokenCache(directory: cacheDirectory),
                                                 logger: Logger(debugFile: debug))
            let questions = Dictionary(sandbox.corpus.users.compactMap { user in user.suggestedQuestion.map { (user.email, $0) } },
                                       uniquingKeysWith: { first, _ in first })
            try await TUILauncher.run(environment, presenter: presenter, suggestedQuestions: questions)
            await environment.shutdown()
        } catch {
            await Self.stop(sandbox)
            throw CommandFailure(error).exit()
        }
        await Self.stop(sandbox)
    }

    /// Stops the sandbox gracefully, but gives it two seconds at most: the user asked to
    /// quit, and the process ends right after anyway.
    static func stop(_ sandbox: RunningSandbox) async {
        let (stopped, signal) = AsyncStream<Void>.makeStream()
        Task {
            await sandbox.shutdown()
            signal.finish()
        }
        Task {
            try? await Task.sleep(for: .seconds(2))
            signal.finish()
        }
        for await _ in stopped {}
    }
}
