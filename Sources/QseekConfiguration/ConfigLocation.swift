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
        var config = try read(location)
        try EnvironmentOverrides.apply(to: &config, environment: environment)
        return (config, location)
    }

    /// The file's config without environment overrides (defaults when a default location is empty).
    static func read(_ location: ConfigLocation) throws -> QseekConfig {
        guard FileManager.default.fileExists(atPath: location.path) else {
            if location.mustExist {
                throw ConfigError(file: location.path, line: nil, key: nil, message: "no such file")
            }
            return QseekConfig()
        }
        return try ConfigParser(text: try text(at: location.path), file: location.path).parse()
    }

    /// The file's text, or a ``ConfigError`` that names it.
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
