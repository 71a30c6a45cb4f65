/// Why no credentials could be had. Messages name files, profiles and variables, never values.
public enum CredentialsError: Error, Sendable, Equatable {
    /// This source is not set up; a chain moves on.
    case notConfigured(String)
    /// No source in the chain had credentials.
    case noCredentials(tried: [String])
    case profileNotFound(String)
    case incompleteProfile(profile: String, detail: String)
    case roleChainLoop([String])
    case processFailed(command: String, exitCode: Int32)
    case processOutputInvalid(command: String, detail: String)
    case endpointFailed(source: String, statusCode: Int)
    case endpointResponseInvalid(source: String, detail: String)
    case forbiddenEndpoint(String)
    case expired(source: String)

    public var userMessage: String {
        switch self {
        case .notConfigured(let source):
            return "\(source) has no AWS credentials configured."
        case .noCredentials(let tried):
            return "No AWS credentials were found (looked at: \(tried.joined(separator: ", "))); set AWS_PROFILE or the base credentials in the config."
        case .profileNotFound(let name):
            return "The AWS profile \"\(name)\" is not in the shared config or credentials file."
        case .incompleteProfile(let profile, let detail):
            return "The AWS profile \"\(profile)\" is incomplete: \(detail)."
        case .roleChainLoop(let profiles):
            return "The AWS profiles form a loop through source_profile: \(profiles.joined(separator: " → "))."
        case .processFailed(let command, let code):
            return "The credential_process \"\(command)\" exited with status \(code); run it by hand to see why."
        case .processOutputInvalid(let command, let detail):
            return "The credential_process \"\(command)\" printed something that is not Version 1 credentials JSON (\(detail))."
        case .endpointFailed(let source, let status):
            return "The \(source) credentials endpoint answered HTTP \(status)."
        case .endpointResponseInvalid(let source, let detail):
            return "The \(source) credentials endpoint answered something unreadable (\(detail))."
        case .forbiddenEndpoint(let url):
            return "The container credentials URL \(url) is not allowed: it must be https, or http on a loopback or the ECS/EKS address."
        case .expired(let source):
            return "The credentials from \(source) have already expired; renew them."
        }
    }
}
