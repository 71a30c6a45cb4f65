import OIDC
import QseekConfiguration

extension IdentityConfiguration {
    /// `[identity]` as the sign-in takes it: issuer and client id are required, and the client
    /// secret is read from the variable `client_secret_env` names (which must then be set).
    /// One reading for `AppEnvironment` and for login, logout and whoami.
    static func configured(_ identity: QseekConfig.Identity, configPath: String,
                           environment: [String: String]) throws(CommandFailure) -> IdentityConfiguration {
        guard !identity.issuer.isEmpty, !identity.clientID.isEmpty else {
            throw .usage("\(configPath): set [identity].issuer and [identity].client_id.")
        }
        var secret: String?
        if !identity.clientSecretEnv.isEmpty {
            guard let value = environment[identity.clientSecretEnv], !value.isEmpty else {
                throw .usage("\(configPath): the environment variable \(identity.clientSecretEnv) named by [identity].client_secret_env is not set.")
            }
            secret = value
        }
        return IdentityConfiguration(issuer: identity.issuer, clientID: identity.clientID, clientSecret: secret,
                                     scopes: identity.scopes, redirectPort: identity.redirectPort,
                                     redirectPath: identity.redirectPath, redirectHost: identity.redirectHost)
    }
}
