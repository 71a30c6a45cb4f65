import Foundation
import Logging
import OIDC
import QseekConfiguration

extension SignInSession {
    /// The session `[identity]` names (for login, logout and whoami, which need no AWS), plus
    /// that section, from one reading of the config file (`--config`, `debugFile` for `--debug`).
    public static func configured(configOption: String?, debugFile: String?) throws -> (session: SignInSession, identity: QseekConfig.Identity) {
        let logger = Logger(debugFile: debugFile)
        let (config, location) = try QseekConfig.load(option: configOption)
        let configuration = try IdentityConfiguration.configured(config.identity, configPath: location.path,
                                                                 environment: ProcessInfo.processInfo.environment)
        logger.debug("sign-in configuration", metadata: ["config": "\(configuration)", "file": "\(location.path)"])
        let transport = LoggedTransport(AsyncHTTPTransport.shared.limitingResponses(to: 1 << 20), party: "IdP", logger: logger)
        return (SignInSession(configuration: configuration, transport: transport, logger: logger), config.identity)
    }
}
