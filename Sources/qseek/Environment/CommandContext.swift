import Accessor
import Foundation
import Logging
import OIDC
import QseekConfiguration

/// Loads the config named by the common options and builds the environment from it.
enum CommandContext {
    static func environment(options: SignInCommonOptions, idToken: String? = nil) throws(CommandFailure) -> AppEnvironment {
        let logger = SignInCommandSupport.makeLogger(debugFile: options.debug)
        let config: QseekConfig
        let location: ConfigLocation
        do {
            (config, location) = try QseekConfig.load(option: options.config)
        } catch {
            throw CommandFailure(error)
        }
        return try AppEnvironment(config: config, configPath: location.path, idToken: idToken, logger: logger)
    }

    /// An ID token handed in by a backend that already holds the user's token
    /// (`--id-token-file`, or `QSEEK_ID_TOKEN`), or nil to use the cached sign-in.
    static func providedIDToken(file: String?) throws(CommandFailure) -> String? {
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw .usage("cannot read --id-token-file \(file)")
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let fromEnvironment = ProcessInfo.processInfo.environment["QSEEK_ID_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        return fromEnvironment?.isEmpty == false ? fromEnvironment : nil
    }

    /// Runs a command's work with an environment built from the common options (and a
    /// backend's ID token, when given), always shutting it down, and turns any error into
    /// words and the CONFIG.md exit code.
    static func run(options: SignInCommonOptions, idTokenFile: String? = nil,
                    _ body: (AppEnvironment) async throws -> Void) async throws {
        let environment: AppEnvironment
        do {
            environment = try Self.environment(options: options, idToken: try providedIDToken(file: idTokenFile))
        } catch {
            throw error.exit()
        }
        do {
            try await body(environment)
        } catch {
            await environment.shutdown()
            throw CommandFailure(error).exit()
        }
        await environment.shutdown()
    }
}

extension AppEnvironment {
    /// The configured tenant `id`, or a usage error that lists the configured ones.
    func tenant(id: String) throws(CommandFailure) -> Tenant {
        guard let tenant = tenants.first(where: { $0.id == id }) else {
            let known = tenants.map(\.id).joined(separator: ", ")
            throw .usage("no tenant \(id) in \(configPath) (configured: \(known.isEmpty ? "none" : known))")
        }
        return tenant
    }
}
