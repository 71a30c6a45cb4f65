import Foundation

/// A config read and checked: the parsed values (overrides applied), which overrides applied,
/// and every problem found. Shared by `config check` and `doctor`.
public struct ConfigInspection: Sendable {
    public var config: QseekConfig
    public var location: ConfigLocation
    public var overrides: [EnvironmentOverrides.Override]
    public var problems: [ConfigError]

    /// Throws the first ``ConfigError`` when the file is missing or does not parse.
    public static func inspect(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ConfigInspection {
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
