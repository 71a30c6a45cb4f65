import Accessor
import AppCore
import Foundation
import OIDC

/// The data accessor for the TUI: the exchange and the search, errors put into words.
struct GatewayAdapter: TenantGateway {
    let environment: AppEnvironment

    func exchange(for tenant: Tenant, completed: @escaping @Sendable (ExchangeStep) -> Void) async throws(ExchangeError) -> Date {
        do {
            let credentials = try await environment.exchange.credentials(for: tenant, completed: completed)
            return credentials.expiration ?? Date().addingTimeInterval(TimeInterval(environment.config.aws.sessionDuration))
        } catch {
            switch error {
            case .exchange(let step, _):
                throw ExchangeError(step: step, failure: Failure(.aws, error.userMessage))
            case .signInRequired:
                throw ExchangeError(step: .assumeRole, failure: Failure(.signIn, error.userMessage + " (Ctrl+O signs out.)"))
            default:
                throw ExchangeError(step: .assumeRole, failure: Failure(.configuration, error.userMessage))
            }
        }
    }

    func pages(of query: PassageQuery) -> AsyncThrowingStream<[Passage], any Error> {
        environment.search.pages(of: query)
    }

    func discardCredentials() async {
        await environment.exchange.discardAll()
    }

    func failure(describing error: any Error) -> Failure {
        switch error {
        case AccessorError.credentialsExpired:
            return Failure(.credentialsExpired, AccessorError.credentialsExpired.userMessage)
        case let error as AccessorError:
            return Failure(.aws, error.userMessage)
        default:
            return Failure(.unexpected, CommandFailure(error).message)
        }
    }
}

/// The browser and the remembered tenant (the clipboard goes through the terminal itself).
struct DesktopServices: SystemServices {
    let stateDirectory: URL

    func open(_ url: String) async throws(Failure) {
        guard let target = URL(string: url), ["http", "https"].contains(target.scheme?.lowercased() ?? "") else {
            throw Failure(.unexpected, "Not opening \(url): only http and https links are opened.")
        }
        guard BrowserLauncher().open(target) else {
            throw Failure(.unexpected, "No browser could be opened here; the link is \(url).")
        }
    }

    func copy(_ text: String) async throws(Failure) {
        throw Failure(.unexpected, "Copying goes through the terminal.")
    }

    func rememberTenant(_ id: String) async {
        LastTenant(directory: stateDirectory).save(id)
    }

    /// Exports go to the current directory (where the user started qseek), never overwriting.
    func export(_ markdown: String, suggestedName: String) async throws(Failure) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = formatter.string(from: Date())
        let directory = FileManager.default.currentDirectoryPath
        var name = "\(suggestedName)-\(stamp).md"
        var attempt = 1
        while FileManager.default.fileExists(atPath: directory + "/" + name) {
            attempt += 1
            name = "\(suggestedName)-\(stamp)-\(attempt).md"
        }
        let path = directory + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(markdown.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Failure(.unexpected, "Could not write \(path); is the directory writable?")
        }
        return path
    }
}

/// The last tenant chosen, kept in `$XDG_STATE_HOME/qseek/last-tenant` (0600).
struct LastTenant {
    let directory: URL

    var file: URL { directory.appendingPathComponent("last-tenant") }

    func load() -> String? {
        (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func save(_ id: String) {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(id.utf8), attributes: [.posixPermissions: 0o600])
    }

    /// `$XDG_STATE_HOME/qseek`, default `~/.local/state/qseek`.
    static func directory(environment: [String: String]) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("qseek")
        }
        return URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory()).appendingPathComponent(".local/state/qseek")
    }
}
