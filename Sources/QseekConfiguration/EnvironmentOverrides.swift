/// `QSEEK_*` environment variables that override single config keys — for CI, containers and
/// one-off runs. This table is the one place they are defined; the README lists it.
///
/// Overrides apply after the file is parsed (or to the defaults when there is no file) and
/// are checked like the file's values; an empty variable counts as unset.
public enum EnvironmentOverrides {
    public struct Override: Sendable {
        public let variable: String
        /// The dotted config key it replaces.
        public let key: String
        let apply: @Sendable (inout QseekConfig, String) throws -> Void
    }

    public static let all: [Override] = [
        Override(variable: "QSEEK_ISSUER", key: "identity.issuer") { config, value in config.identity.issuer = value },
        Override(variable: "QSEEK_CLIENT_ID", key: "identity.client_id") { config, value in config.identity.clientID = value },
        Override(variable: "QSEEK_FLOW", key: "identity.flow") { config, value in
            config.identity.flow = try choice(value, "QSEEK_FLOW")
        },
        Override(variable: "QSEEK_AWS_PROFILE", key: "aws.profile") { config, value in config.aws.profile = value },
        Override(variable: "QSEEK_REGION", key: "aws.region") { config, value in config.aws.region = value },
        Override(variable: "QSEEK_ROLE_ARN", key: "aws.data_accessor_role_arn") { config, value in config.aws.dataAccessorRoleARN = value },
        Override(variable: "QSEEK_SESSION_DURATION", key: "aws.session_duration") { config, value in
            guard let seconds = Int(value), (900...3600).contains(seconds) else {
                throw failure("QSEEK_SESSION_DURATION", "must be a whole number of seconds in 900...3600, not \"\(value)\"")
            }
            config.aws.sessionDuration = seconds
        },
        Override(variable: "QSEEK_MODEL_PROVIDER", key: "model.provider") { config, value in
            config.model.provider = try choice(value, "QSEEK_MODEL_PROVIDER")
        },
        Override(variable: "QSEEK_MODEL_ID", key: "model.model_id") { config, value in config.model.modelID = value },
        Override(variable: "QSEEK_MODEL_BASE_URL", key: "model.base_url") { config, value in config.model.baseURL = value },
        Override(variable: "QSEEK_THEME", key: "ui.theme") { config, value in config.ui.theme = value },
        Override(variable: "QSEEK_HISTORY", key: "history.mode") { config, value in
            config.history.mode = try choice(value, "QSEEK_HISTORY")
        },
    ]

    /// Applies every set override to `config`; returns the variables that were applied.
    /// Throws a ``ConfigError`` naming the variable when a value is invalid.
    @discardableResult
    public static func apply(to config: inout QseekConfig, environment: [String: String]) throws -> [Override] {
        var applied: [Override] = []
        for override in all {
            guard let value = environment[override.variable], !value.isEmpty else { continue }
            try override.apply(&config, value)
            applied.append(override)
        }
        return applied
    }

    static func failure(_ variable: String, _ message: String) -> ConfigError {
        ConfigError(file: "environment", line: nil, key: variable, message: message)
    }

    static func choice<Choice: RawRepresentable & CaseIterable>(_ value: String, _ variable: String) throws(ConfigError) -> Choice
        where Choice.RawValue == String {
        guard let choice = Choice(rawValue: value) else {
            let allowed = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " | ")
            throw failure(variable, "must be one of \(allowed), not \"\(value)\"")
        }
        return choice
    }
}
