import Accessor
import ArgumentParser
import AWS
import Foundation
import OIDC
import QseekConfiguration
import Terminal

/// Why a command stopped, in words, with the exit code scripts rely on (CONFIG.md):
/// 64 usage or config, 65 sign-in needed or refused, 66 AWS, 69 network, 70 internal.
enum CommandFailure: Error, Sendable {
    case usage(String)
    case signIn(String)
    case aws(String)
    case network(String)
    case unexpected(String)

    var message: String {
        switch self {
        case .usage(let text), .signIn(let text), .aws(let text), .network(let text), .unexpected(let text): return text
        }
    }

    var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .signIn: return 65
        case .aws: return 66
        case .network: return 69
        case .unexpected: return 70
        }
    }

    /// Classifies any error a command met.
    init(_ error: any Error) {
        switch error {
        case let failure as CommandFailure:
            self = failure
        case let error as ConfigError:
            self = .usage(String(describing: error))
        case let error as OIDCError:
            self = error.isNetworkFailure ? .network(error.userMessage) : .signIn(error.userMessage)
        case let error as AccessorError:
            switch error {
            case .signInRequired: self = .signIn(error.userMessage)
            case .configuration: self = .usage(error.userMessage)
            case .exchange(_, let cause) where cause.hasPrefix("Network problem"): self = .network(error.userMessage)
            case .search(let cause) where cause.hasPrefix("Network problem"): self = .network(error.userMessage)
            default: self = .aws(error.userMessage)
            }
        case let error as AWSError:
            self = .aws(error.userMessage)
        case let error as TransportError:
            self = .network("Network problem: \(error.userMessage)")
        case let error as FilterSyntaxError:
            self = .usage("--filter: \(error.userMessage)")
        default:
            self = .unexpected("Unexpected error (\(type(of: error))).")
        }
    }

    /// Prints the message on stderr and exits with the code.
    func exit() -> ExitCode {
        FileHandle.standardError.write(Data("qseek: \(TextSanitizer(keepsNewlines: true).sanitize(message))\n".utf8))
        return ExitCode(exitCode)
    }
}
