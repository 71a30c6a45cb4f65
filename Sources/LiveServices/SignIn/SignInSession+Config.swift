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
        let identity = config.identity
        guard !identity.issuer.isEmpty, !identity.clientID.isEmpty else {
            throw ConfigError(file: location.path, line: nil, key: "identity", message: "set [identity].issuer and [identity].client_id to sign in")
        }
        var secret: String?
        if !identity.clientSecretEnv.isEmpty {
            guard let value = ProcessInfo.processInfo.environment[identity.clientSecretEnv], !value.isEmpty else {
                throw ConfigError(file: location.path, line: nil, key: "identity.client_secret_env", message: "the environment variable \(identity.clientSecretEnv) is not set")
            }
            secret = value
        }
        let configuration = IdentityConfiguration(
            issuer: identity.issuer,
            clientID: identity.clientID,
            clientSecret: secret,
            scopes: identity.scopes,
            redirectPort: identity.redirectPort,
            redirectPath: identity.redirectPath,
            redirectHost: identity.redirectHost
        )
        logger.debug("sign-in configuration", metadata: ["config": "\(configuration)", "file": "\(location.path)"])
        let transport = LoggedTransport(AsyncHTTPTransport.shared.limitingResponses(to: 1 << 20), party: "IdP", logger: logger)
        return (SignInSession(configuration: configuration, transport: transport, logger: logger), identity)
    }
}
