import AWS
import LiveServices

/// Where the ISV's base AWS key came from, in the words of the setting to change, so a refused
/// key can be fixed where it lives. Holds the access key id (not a secret: AWS prints it in its
/// own errors) and never the secret.
struct BaseCredentialsSource: Sendable, Equatable {
    /// The access key id the requests were signed with; nil when no credentials were found.
    var accessKeyID: String?
    /// Where the access key id is set (`[aws].access_key_id in FILE`, `AWS_ACCESS_KEY_ID in the environment`).
    var keySetting: String
    /// Where the secret access key is set.
    var secretSetting: String
    /// Temporary credentials (a session token): renewed, not edited.
    var temporary: Bool

    /// Finds the source the way `AppEnvironment` does: the config's static key, else the standard chain.
    static func find(_ environment: AppEnvironment) async -> BaseCredentialsSource? {
        let aws = environment.config.aws
        let path = environment.configPath
        if !aws.accessKeyID.isEmpty {
            return BaseCredentialsSource(accessKeyID: aws.accessKeyID, keySetting: "[aws].access_key_id in \(path)",
                                         secretSetting: "[aws].secret_access_key in \(path)", temporary: false)
        }
        guard let chain = environment.baseCredentialsChain,
              let (source, credentials) = try? await chain.resolve() else { return nil }
        return describe(source: source, credentials: credentials, environment: environmentOf(chain))
    }

    static func describe(source: String, credentials: Credentials, environment: [String: String]) -> BaseCredentialsSource {
        let temporary = credentials.sessionToken != nil
        let id = credentials.accessKeyID
        switch source {
        case "environment":
            return BaseCredentialsSource(accessKeyID: id, keySetting: "AWS_ACCESS_KEY_ID in the environment",
                                         secretSetting: "AWS_SECRET_ACCESS_KEY in the environment", temporary: temporary)
        case let profile where profile.hasPrefix("profile "):
            let name = String(profile.dropFirst("profile ".count))
            if temporary {
                let what = "the temporary credentials profile \(name) produces (its SSO, role or credential_process settings in \(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config"))"
                return BaseCredentialsSource(accessKeyID: id, keySetting: what, secretSetting: what, temporary: true)
            }
            let file = environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials"
            return BaseCredentialsSource(accessKeyID: id, keySetting: "aws_access_key_id of profile [\(name)] in \(file)",
                                         secretSetting: "aws_secret_access_key of profile [\(name)] in \(file)", temporary: false)
        default:
            let what = "the \(source) credentials"
            return BaseCredentialsSource(accessKeyID: id, keySetting: what, secretSetting: what, temporary: temporary)
        }
    }

    /// The environment the chain's environment provider reads (the process's, with [aws].profile applied).
    private static func environmentOf(_ chain: CredentialsChain) -> [String: String] {
        chain.providers.lazy.compactMap { ($0.provider as? EnvironmentCredentialsProvider)?.environment }.first ?? [:]
    }
}
