import Foundation

/// The shared `~/.aws/config` and `~/.aws/credentials` files, merged per profile.
///
/// In `config` a profile is `[profile name]` (only `default` may be bare `[default]`); in
/// `credentials` it is `[name]`. Values from `credentials` win over those from `config`, as in
/// every SDK. Indented lines under a key (sub-properties such as `s3 =`) are ignored.
public struct SharedConfigFiles: Sendable, Equatable {
    public private(set) var profiles: [String: [String: String]]

    public init(profiles: [String: [String: String]]) {
        self.profiles = profiles
    }

    /// Reads the files named by `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`, or the defaults
    /// under `HOME`. Missing files are simply empty.
    public static func load(environment: [String: String]) -> SharedConfigFiles {
        let home = environment["HOME"] ?? NSHomeDirectory()
        func expand(_ path: String) -> String {
            path.hasPrefix("~/") ? home + path.dropFirst(1) : path
        }
        let configPath = expand(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config")
        let credentialsPath = expand(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials")
        let config = (try? String(contentsOfFile: configPath, encoding: .utf8)) ?? ""
        let credentials = (try? String(contentsOfFile: credentialsPath, encoding: .utf8)) ?? ""
        return parse(config: config, credentials: credentials)
    }

    public static func parse(config: String, credentials: String) -> SharedConfigFiles {
        var merged: [String: [String: String]] = [:]
        for (section, values) in parseINI(config) {
            let name: String
            if section.hasPrefix("profile ") {
                name = section.dropFirst("profile ".count).trimmingCharacters(in: .whitespaces)
            } else if section == "default" {
                name = "default"
            } else {
                continue // `[sso-session x]`, `[services x]` and bare names are not profiles in config
            }
            merged[name, default: [:]].merge(values) { _, new in new }
        }
        for (section, values) in parseINI(credentials) {
            merged[section, default: [:]].merge(values) { _, new in new }
        }
        return SharedConfigFiles(profiles: merged)
    }

    /// `[section]` headers, `key = value` lines, `#`/`;` comment lines; later keys win.
    static func parseINI(_ text: String) -> [(String, [String: String])] {
        var sections: [(String, [String: String])] = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard let close = line.firstIndex(of: "]") else { continue }
                let name = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                sections.append((name, [:]))
                continue
            }
            guard !sections.isEmpty, rawLine.first != " ", rawLine.first != "\t",
                  let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            sections[sections.count - 1].1[key] = value
        }
        return sections
    }

    public func profile(_ name: String) -> [String: String]? {
        profiles[name]
    }

    /// `AWS_PROFILE`, else `AWS_DEFAULT_PROFILE`, else `default`.
    public static func activeProfileName(environment: [String: String]) -> String {
        [environment["AWS_PROFILE"], environment["AWS_DEFAULT_PROFILE"]].compactMap { $0 }.first { !$0.isEmpty } ?? "default"
    }
}
