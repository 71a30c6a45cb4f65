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
}
