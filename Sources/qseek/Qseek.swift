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

    func run() async throws {
        // TUILauncher.run is main-actor isolated: the TUI still runs on the main thread.
        try await CommandContext.run(options: common) { try await TUILauncher.run($0) }
    }
}
