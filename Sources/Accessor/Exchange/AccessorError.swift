import AWS

/// What can go wrong between a signed-in user and a tenant's passages. Each case keeps the
/// lower layer's typed error, so `doctor` can name the config key behind an AWS error code
/// and the executable can choose its exit code without reading words.
public enum AccessorError: Error, Sendable, Equatable {
    /// No usable ID token: sign in (again). The reason is already in words (from OIDC).
    case signInRequired(String)
    /// An auth-code tenant has no usable Identity Center sign-in (none yet, or its renewal was
    /// refused): the user signs in at that tenant's Identity Center again.
    case identityCenterSignInRequired(tenantID: String, reason: String)
    /// The Identity Center sign-in could not be kept on disk (the cache directory's problem).
    case sessionStorage(String)
    /// A step of the TTI exchange failed.
    case exchange(step: ExchangeStep, cause: ServiceFailure)
    /// The identity-aware credentials expired while in use (`ExpiredToken`).
    case credentialsExpired
    /// The search itself failed (Q Business said no, or the network did).
    case search(ServiceFailure)
    /// The configuration cannot work (no endpoint for a region, a bad role ARN).
    case configuration(ServiceFailure)

    public var userMessage: String {
        switch self {
        case .signInRequired(let reason): return "Sign in again: \(reason)"
        case .identityCenterSignInRequired(let tenantID, let reason):
            return "Sign in at the Identity Center of tenant \(tenantID): \(reason) Run `qseek login --tenant \(tenantID)`."
        case .sessionStorage(let reason): return reason
        case .exchange(let step, let cause): return "\(step.title) failed: \(cause.userMessage)"
        case .credentialsExpired: return "The identity-aware credentials expired; renewing them."
        case .search(let cause): return cause.userMessage
        case .configuration(let cause): return cause.userMessage
        }
    }

    /// The lower layer's error, when there is one.
    public var cause: ServiceFailure? {
        switch self {
        case .exchange(_, let cause), .search(let cause), .configuration(let cause): return cause
        case .signInRequired, .identityCenterSignInRequired, .sessionStorage, .credentialsExpired: return nil
        }
    }

    /// Whether the network, not a service's answer, is to blame.
    public var isNetworkProblem: Bool { cause?.isNetworkProblem ?? false }

    /// Whether an AWS answer means the credentials in use have expired.
    static func isExpiry(_ error: any Error) -> Bool {
        guard let error = error as? AWSError else { return false }
        return ["ExpiredToken", "ExpiredTokenException", "RequestExpired"].contains(error.code)
    }
}

/// A lower layer's failure, kept typed: an AWS answer, the network, the ISV's own
/// credentials, a request qseek refused to send. Nothing in it is a secret.
public enum ServiceFailure: Error, Sendable, Equatable {
    case aws(AWSError)
    case transport(TransportError)
    case credentials(CredentialsError)
    case endpoint(EndpointError)
    case invalidRequest(ParameterValidationError)
    case undecodableResponse(ResponseDecodingError)
    case eventStream(EventStreamError)
    /// Identity Center answered without `sts:identity_context` in its ID token.
    case missingIdentityContext
    case cancelled
    /// An error of a type this layer does not know; only its type name is kept.
    case unexpected(typeName: String)

    public init(_ error: any Error) {
        switch error {
        case let error as ServiceFailure: self = error
        case let error as AWSError: self = .aws(error)
        case let error as TransportError: self = .transport(error)
        case let error as CredentialsError: self = .credentials(error)
        case let error as EndpointError: self = .endpoint(error)
        case let error as ParameterValidationError: self = .invalidRequest(error)
        case let error as ResponseDecodingError: self = .undecodableResponse(error)
        case let error as EventStreamError: self = .eventStream(error)
        case is CancellationError: self = .cancelled
        default: self = .unexpected(typeName: String(describing: type(of: error)))
        }
    }

    /// Words for the user: never a Swift dump and never a secret.
    public var userMessage: String {
        switch self {
        case .aws(let error): return error.userMessage
        case .transport(let error): return "Network problem: \(error.userMessage)"
        case .credentials(let error): return "The ISV's AWS credentials: \(error.userMessage)"
        case .endpoint(let error): return error.userMessage
        case .invalidRequest(let error): return "qseek refused to send an invalid request: \(error.userMessage)"
        case .undecodableResponse(let error): return error.userMessage
        case .eventStream(let error): return error.userMessage
        case .missingIdentityContext: return "Identity Center returned no identity context (sts:identity_context)."
        case .cancelled: return "Cancelled."
        case .unexpected(let typeName): return "Unexpected error (\(typeName))."
        }
    }

    public var isNetworkProblem: Bool {
        if case .transport = self { return true }
        return false
    }

    /// The typed error itself, for callers that advise per error type (`doctor`).
    public var underlyingError: any Error {
        switch self {
        case .aws(let error): return error
        case .transport(let error): return error
        case .credentials(let error): return error
        case .endpoint(let error): return error
        case .invalidRequest(let error): return error
        case .undecodableResponse(let error): return error
        case .eventStream(let error): return error
        case .missingIdentityContext, .cancelled, .unexpected: return self
        }
    }

    /// The AWS error code, when AWS answered.
    public var awsCode: String? {
        if case .aws(let error) = self { return error.code }
        return nil
    }
}
