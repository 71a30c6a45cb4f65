import ArgumentParser

/// Options every sign-in command takes (CONFIG.md: every command takes these two).
struct SignInCommonOptions: ParsableArguments {
    @Option(name: .long, help: "Config file (default: $QSEEK_CONFIG, then $XDG_CONFIG_HOME/qseek/config.toml).")
    var config: String?

    @Option(name: .long, help: "Write a debug log to this file (secrets are never logged).")
    var debug: String?
}
