import ArgumentParser

@main
struct Qseek: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qseek",
        abstract: "Search your company's Amazon Q index from the terminal, signed in once at your ISV's identity provider.",
        version: QseekVersion.current,
        subcommands: [Login.self, Logout.self, Whoami.self, Tenants.self, Search.self, Sandbox.self, Themes.self]
    )
}

enum QseekVersion {
    static let current = "0.1.0"
}
