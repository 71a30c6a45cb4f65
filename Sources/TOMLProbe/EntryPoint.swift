import AppUI
import Foundation
import QseekConfiguration
import Sandbox

/// The three places qseek reads TOML from a file, each called the way qseek calls it.
/// "refused-syntax" means the reader said the file is not TOML (or not UTF-8);
/// "refused-schema" means it read the TOML and refused what it says.
enum EntryPoint: String, CaseIterable {
    case config
    case theme
    case sandboxTenants = "sandbox-tenants"

    func read(_ path: String) -> (name: String, message: String) {
        switch self {
        case .config:
            do {
                _ = try QseekConfig.load(option: path, environment: [:])
                return ("read", "")
            } catch let error as ConfigError {
                let syntax = error.message.hasPrefix("not valid TOML") || error.message == "is not UTF-8 text"
                return (syntax ? "refused-syntax" : "refused-schema", error.description)
            } catch {
                return ("refused-schema", "\(error)")
            }
        case .theme:
            // A user theme directory holding just this file.
            guard let directory = Self.scratchDirectory(holding: path, as: "probe.toml") else { return ("error", "cannot copy \(path)") }
            defer { try? FileManager.default.removeItem(at: directory) }
            let catalog = ThemeCatalog.load(userDirectory: directory)
            guard let problem = catalog.problems.first(where: { $0.file.hasSuffix("/probe.toml") }) else {
                return catalog.names.contains("probe") || catalog.themes.contains(where: { $0.origin.hasSuffix("/probe.toml") })
                    ? ("read", "") : ("error", "the theme is neither loaded nor reported")
            }
            switch problem.problem {
            case .syntax, .unreadable: return ("refused-syntax", problem.description)
            case .unknownKey, .invalidValue: return ("refused-schema", problem.description)
            }
        case .sandboxTenants:
            // A corpus directory (`qseek sandbox serve --data DIR`) whose tenants.toml is this file.
            guard let directory = Self.scratchDirectory(holding: path, as: "tenants.toml") else { return ("error", "cannot copy \(path)") }
            defer { try? FileManager.default.removeItem(at: directory) }
            do {
                _ = try CorpusLoader.directory(directory)
                return ("read", "")
            } catch {
                if case .invalidTenantsFile(let reason) = error,
                   reason.hasPrefix("not valid TOML") || reason.hasPrefix("not UTF-8") {
                    return ("refused-syntax", error.description)
                }
                return ("refused-schema", error.description)
            }
        }
    }

    private static func scratchDirectory(holding path: String, as name: String) -> URL? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-toml-probe-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: URL(fileURLWithPath: path), to: directory.appendingPathComponent(name))
            return directory
        } catch {
            return nil
        }
    }
}
