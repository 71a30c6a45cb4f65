import Accessor
import Foundation
import Logging
import QseekConfiguration

/// Loads the config a command names (`--config`, else `QSEEK_CONFIG`, else the XDG default)
/// and builds the environment from it.
public enum CommandContext {
    /// `debugFile` is `--debug FILE`; `idToken` a backend's token (``providedIDToken(file:)``).
    public static func environment(configOption: String?, debugFile: String?, idToken: String? = nil) throws(CommandFailure) -> AppEnvironment {
        let logger = Logger(debugFile: debugFile)
        let config: QseekConfig
        let location: ConfigLocation
        do {
            (config, location) = try QseekConfig.load(option: configOption)
        } catch {
            throw CommandFailure(error)
        }
        return try AppEnvironment(config: config, configPath: location.path, idToken: idToken, logger: logger)
    }

    /// An ID token handed in by a backend that already holds the user's token
    /// (`--id-token-file`, or `QSEEK_ID_TOKEN`), or nil to use the cached sign-in.
    public static func providedIDToken(file: String?) throws(CommandFailure) -> String? {
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw .usage("cannot read --id-token-file \(file)")
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let fromEnvironment = ProcessInfo.processInfo.environment["QSEEK_ID_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        return fromEnvironment?.isEmpty == false ? fromEnvironment : nil
    }
}

extension AppEnvironment {
    /// The configured tenant `id`, or a usage error that lists the configured ones.
    public func tenant(id: String) throws(CommandFailure) -> Tenant {
        guard let tenant = tenants.first(where: { $0.id == id }) else {
            let known = tenants.map(\.id).joined(separator: ", ")
            throw .usage("no tenant \(id) in \(configPath) (configured: \(known.isEmpty ? "none" : known))")
        }
        return tenant
    }
}
