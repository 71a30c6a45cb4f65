import Foundation

/// Where the config file is, in the documented order: `--config FILE`, `QSEEK_CONFIG`,
/// `$XDG_CONFIG_HOME/qseek/config.toml`, `~/.config/qseek/config.toml`.
public struct ConfigLocation: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case option, environment, xdgConfigHome, home
    }

    public var path: String
    public var source: Source

    /// Whether a missing file is an error: a file the user named must exist; the default
    /// locations may be absent (then defaults apply).
    public var mustExist: Bool { source == .option || source == .environment }

    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> ConfigLocation {
        if let option, !option.isEmpty { return ConfigLocation(path: option, source: .option) }
        if let path = environment["QSEEK_CONFIG"], !path.isEmpty { return ConfigLocation(path: path, source: .environment) }
        // XDG Base Directory: a relative value is invalid and must be ignored.
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return ConfigLocation(path: xdg + "/qseek/config.toml", source: .xdgConfigHome)
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return ConfigLocation(path: home + "/.config/qseek/config.toml", source: .home)
    }
}

extension QseekConfig {
    /// Finds, reads and parses the config, then applies the `QSEEK_*` environment overrides
    /// (``EnvironmentOverrides``). Returns the defaults when no file exists at a default location.
    public static func load(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (QseekConfig, ConfigLocation) {
        let location = ConfigLocation.resolve(option: option, environment: environment)
        let parser = try parser(for: location)
        var config = try parser?.parse() ?? QseekConfig()
        let overrides = try EnvironmentOverrides.apply(to: &config, environment: environment)
        try checkNetworkValues(of: config, parser: parser ?? ConfigParser(text: "", file: location.path), overrides: overrides)
        return (config, location)
    }

    /// Refuses the first value that would reach the network in a bad shape (see
    /// ``ConfigParser/networkProblems(in:)``); one an environment variable set is blamed on it.
    static func checkNetworkValues(of config: QseekConfig, parser: ConfigParser, overrides: [EnvironmentOverrides.Override]) throws(ConfigError) {
        guard let problem = parser.networkProblems(in: config).first else { return }
        if let override = overrides.first(where: { $0.key == problem.key }) {
            throw EnvironmentOverrides.failure(override.variable, problem.message)
        }
        throw problem
    }

    /// The file's parser, or `nil` when no file exists at a default location (the defaults apply).
    static func parser(for location: ConfigLocation) throws -> ConfigParser? {
        guard FileManager.default.fileExists(atPath: location.path) else {
            if location.mustExist {
                throw ConfigError(file: location.path, line: nil, key: nil, message: "no such file")
            }
            return nil
        }
        return ConfigParser(text: try text(at: location.path), file: location.path)
    }

    public static func text(at path: String) throws(ConfigError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigError(file: path, line: nil, key: nil, message: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, key: nil, message: "is not UTF-8 text")
        }
        return text
    }
}
