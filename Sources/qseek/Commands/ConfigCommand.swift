import ArgumentParser
import Foundation
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
        print("\(outcome.location.path): OK (\(tenants) tenant\(tenants == 1 ? "" : "s"))")
    }
}

/// A config read and checked: the parsed values (overrides applied), which overrides applied,
/// and every problem found. Shared by `config check` and `doctor`.
struct ConfigInspection {
    var config: QseekConfig
    var location: ConfigLocation
    var overrides: [EnvironmentOverrides.Override]
    var problems: [ConfigError]

    /// Throws the first ``ConfigError`` when the file is missing or does not parse.
    static func inspect(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ConfigInspection {
        let location = ConfigLocation.resolve(option: option, environment: environment)
        guard FileManager.default.fileExists(atPath: location.path) else {
            if location.mustExist { throw ConfigError(file: location.path, line: nil, key: nil, message: "no such file") }
            throw ConfigError(file: location.path, line: nil, key: nil, message: "no config file here yet; run `qseek config init`")
        }
        let parser = ConfigParser(text: try QseekConfig.text(at: location.path), file: location.path)
        var config = try parser.parse()
        let overrides = try EnvironmentOverrides.apply(to: &config, environment: environment)
        return ConfigInspection(config: config, location: location, overrides: overrides, problems: parser.problems(in: config))
    }
}

/// Writes a file the way the config and the token cache are kept: parent 0700, file 0600
/// from its first byte, written to a temporary file and renamed, so a reader never sees half
/// a config (``PrivateFile``).
enum ConfigFileWriter {
    static func write(_ text: String, to path: String, overwrite: Bool) throws(CommandFailure) {
        let manager = FileManager.default
        if manager.fileExists(atPath: path), !overwrite {
            throw .usage("\(path) already exists; `qseek config init --force` overwrites it")
        }
        let file = URL(fileURLWithPath: path)
        let directory = file.deletingLastPathComponent()
        do {
            if !manager.fileExists(atPath: directory.path) {
                try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            try PrivateFile.write(atPath: path, contents: Data(text.utf8), replacing: overwrite)
        } catch let failure as PrivateFile.WriteError {
            throw .usage(failure.userMessage)
        } catch {
            throw .usage("cannot create \(directory.path): \(error.localizedDescription)")
        }
    }
}
