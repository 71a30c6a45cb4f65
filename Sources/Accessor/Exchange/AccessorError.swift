import AWS

/// What can go wrong between a signed-in user and a tenant's passages, in words.
public enum AccessorError: Error, Sendable {
    /// No usable ID token: sign in (again).
    case signInRequired(String)
    /// A step of the TTI exchange failed.
    case exchange(step: ExchangeStep, cause: String)
    /// The identity-aware credentials expired while in use (`ExpiredToken`).
    case credentialsExpired
    /// The search itself failed (Q Business said no, or the network did).
    case search(String)
    /// The configuration cannot work (a bad role ARN, a missing region).
    case configuration(String)

    public var userMessage: String {
        switch self {
        case .signInRequired(let reason): return "Sign in again: \(reason)"
        case .exchange(let step, let cause): return "\(step.title) failed: \(cause)"
        case .credentialsExpired: return "The identity-aware credentials expired; renewing them."
        case .search(let cause): return cause
        case .configuration(let problem): return problem
        }
    }

    /// Words for any error a lower layer threw, never a Swift dump and never a secret.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as AWSError: return error.userMessage
        case let error as AccessorError: return error.userMessage
        case let error as ParameterValidationError: return "qseek refused to send an invalid request: \(error.userMessage)"
        case let error as TransportError: return "Network problem: \(error.userMessage)"
        case let error as CredentialsError: return "The ISV's AWS credentials: \(error.userMessage)"
        case is CancellationError: return "Cancelled."
        default: return "Unexpected error (\(type(of: error)))."
        }
    }

    /// Whether an AWS answer means the credentials in use have expired.
    static func isExpiry(_ error: any Error) -> Bool {
        guard let error = error as? AWSError else { return false }
        return ["ExpiredToken", "ExpiredTokenException", "RequestExpired"].contains(error.code)
    }
}
