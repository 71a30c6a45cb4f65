import ArgumentParser
import LiveServices

@main
struct Qseek: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qseek",
        abstract: "Search your company's Amazon Q index from the terminal, signed in once at your ISV's identity provider.",
        discussion: "Without a subcommand, opens the TUI for the configured tenants (see docs/configuration.md); `qseek demo` runs it on the embedded sandbox.",
        version: QseekVersion.current,
        subcommands: [Demo.self, Login.self, Logout.self, Whoami.self, Tenants.self, Search.self, Ask.self, HistoryCommand.self,
                      Sandbox.self, Themes.self, Config.self, Doctor.self, MCPServe.self]
    )

    @OptionGroup var common: SignInCommonOptions

    @MainActor
    func run() async throws {
        let environment: AppEnvironment
        do {
            environment = try CommandContext.environment(options: common)
        } catch {
            throw error.exit()
        }
        do {
            try await TUILauncher.run(environment)
        } catch {
            await environment.shutdown()
            throw error.exit()
        }
        await environment.shutdown()
    }
}
