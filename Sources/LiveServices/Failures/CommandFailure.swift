import Accessor
import AWS
import History
import OIDC
import QseekConfiguration

/// Why a command stopped, in words, with the exit code scripts rely on (CONFIG.md):
/// 64 usage or config, 65 sign-in needed or refused, 66 AWS, 69 network, 70 internal.
public enum CommandFailure: Error, Sendable {
    case usage(String)
    case signIn(String)
    case aws(String)
    case network(String)
    case unexpected(String)

    public var message: String {
        switch self {
        case .usage(let text), .signIn(let text), .aws(let text), .network(let text), .unexpected(let text): return text
        }
    }

    var status: ExitStatus {
        switch self {
        case .usage: return .usage
        case .signIn: return .signIn
        case .aws: return .aws
        case .network: return .network
        case .unexpected: return .internalError
        }
    }

    public var exitCode: Int32 { status.rawValue }

    /// Classifies any error a command met.
    public init(_ error: any Error) {
        switch error {
        case let failure as CommandFailure:
            self = failure
        case let error as ConfigError:
            self = .usage(String(describing: error))
        case let error as OIDCError:
            switch ExitStatus(error) {
            case .usage: self = .usage(error.userMessage)
            case .network: self = .network(error.userMessage)
            case .internalError: self = .unexpected(error.userMessage)
            default: self = .signIn(error.userMessage)
            }
        case let error as AccessorError:
            switch error {
            case .signInRequired, .identityCenterSignInRequired: self = .signIn(error.userMessage)
            case .configuration: self = .usage(error.userMessage)
            case .sessionStorage: self = .unexpected(error.userMessage)
            case _ where error.isNetworkProblem: self = .network(error.userMessage)
            default: self = .aws(error.userMessage)
            }
        case let error as AWSError:
            self = .aws(error.userMessage)
        case let error as TokenCacheError:
            self = .unexpected(error.description)
        case let error as HistoryError:
            self = .unexpected(error.userMessage)
        case let error as TransportError:
            self = .network("Network problem: \(error.userMessage)")
        case let error as FilterSyntaxError:
            self = .usage("--filter: \(error.userMessage)")
        default:
            self = .unexpected("Unexpected error (\(type(of: error))).")
        }
    }
}
