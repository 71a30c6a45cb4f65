import OIDC

/// The exit codes scripts rely on (CONFIG.md), in one place: every command and `doctor`
/// take theirs from here. The executable turns them into ArgumentParser's `ExitCode`.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    /// A usage or config error.
    case usage = 64
    /// Sign-in needed or refused.
    case signIn = 65
    /// AWS refused.
    case aws = 66
    case network = 69
    case internalError = 70

    /// A sign-in failure's code: the network, the `[identity]` config, or the sign-in itself.
    public init(_ error: OIDCError) {
        if error.isNetworkFailure {
            self = .network
            return
        }
        switch error {
        case .invalidConfiguration, .issuerMismatch, .missingEndpoint, .pkceS256Unsupported, .clientAuthenticationUnsupported:
            self = .usage
        case .unexpectedResponse:
            self = .network
        case .receiverFailed:
            self = .internalError
        default:
            self = .signIn
        }
    }
}
