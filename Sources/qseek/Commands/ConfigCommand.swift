import ArgumentParser
import Foundation
import LiveServices
import QseekConfiguration

/// `qseek config init|check`: write a commented config, or validate one.
struct Config: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Write a commented config file, or check one.",
        subcommands: [ConfigInit.self, ConfigCheck.self]
    )
}

/// `qseek config init [--force]`: the commented template at the config location.
struct ConfigInit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a fully commented config to $XDG_CONFIG_HOME/qseek/config.toml (or --config FILE).",
        discussion: "The file is created 0600 in a 0700 directory. An existing file is kept unless --force is given."
    )

    @OptionGroup var common: SignInCommonOptions
    @Flag(help: "Overwrite an existing file.") var force = false

    func run() async throws {
        let location = ConfigLocation.resolve(option: common.config)
        do {
            try ConfigFileWriter.write(ConfigTemplate.text, to: location.path, overwrite: force)
        } catch {
            throw error.exit()
        }
        SignInCommandSupport.report("Wrote \(location.path).\nFill in [identity], [aws] and one [[tenants]] per customer, then run `qseek config check` and `qseek doctor`.")
    }
}

/// `qseek config check`: every problem of the config, with file:line, exit 64 when any.
struct ConfigCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config: types, ranges, ARNs, ids, regions and URLs, with file:line for each problem."
    )

    @OptionGroup var common: SignInCommonOptions

    func run() async throws {
        let outcome: ConfigInspection
        do {
            outcome = try ConfigInspection.inspect(option: common.config)
        } catch {
            throw CommandFailure(error).exit()
        }
        for override in outcome.overrides {
            SignInCommandSupport.report("note: \(override.variable) overrides \(override.key)")
        }
        guard outcome.problems.isEmpty else {
            for problem in outcome.problems { SignInCommandSupport.report(String(describing: problem)) }
            let count = outcome.problems.count
            throw CommandFailure.usage("\(count) problem\(count == 1 ? "" : "s") in \(outcome.location.path)").exit()
        }
        let tenants = outcome.config.tenants.count
        StandardStreams.out("\(outcome.location.path): OK (\(tenants) tenant\(tenants == 1 ? "" : "s"))\n")
    }
}
