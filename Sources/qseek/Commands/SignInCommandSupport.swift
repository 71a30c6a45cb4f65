import ArgumentParser
import Foundation
import Logging
import OIDC
import QseekConfiguration

/// Options every sign-in command takes (CONFIG.md: every command takes these two).
struct SignInCommonOptions: ParsableArguments {
    @Option(name: .long, help: "Config file (default: $QSEEK_CONFIG, then $XDG_CONFIG_HOME/qseek/config.toml).")
    var config: String?

    @Option(name: .long, help: "Write a debug log to this file (secrets are never logged).")
    var debug: String?
}

/// What the login, logout and whoami commands share: reading the config, building the
/// session, reporting to stderr, and turning errors into the documented exit codes.
enum SignInCommandSupport {
    /// Exit codes from CONFIG.md.
    enum Exit {
        static let usage: Int32 = 64
        static let signIn: Int32 = 65
        static let network: Int32 = 69
        static let internalError: Int32 = 70
    }

    static func session(options: SignInCommonOptions) throws -> SignInSession {
        let logger = makeLogger(debugFile: options.debug)
        let (config, location) = try QseekConfig.load(option: options.config)
        let identity = config.identity
        guard !identity.issuer.isEmpty, !identity.clientID.isEmpty else {
            throw ConfigError(file: location.path, line: nil, key: "identity", message: "set [identity].issuer and [identity].client_id to sign in")
        }
        var secret: String?
        if !identity.clientSecretEnv.isEmpty {
            guard let value = ProcessInfo.processInfo.environment[identity.clientSecretEnv], !value.isEmpty else {
                throw ConfigError(file: location.path, line: nil, key: "identity.client_secret_env", message: "the environment variable \(identity.clientSecretEnv) is not set")
            }
            secret = value
        }
        let configuration = IdentityConfiguration(
            issuer: identity.issuer,
            clientID: identity.clientID,
            clientSecret: secret,
            scopes: identity.scopes,
            redirectPort: identity.redirectPort,
            redirectPath: identity.redirectPath,
            redirectHost: identity.redirectHost
        )
        logger.debug("sign-in configuration", metadata: ["config": "\(configuration)", "file": "\(location.path)"])
        return SignInSession(configuration: configuration, transport: LoggedIdentityTransport(base: OIDC.AsyncHTTPTransport(), logger: logger),
                             logger: logger)
    }

    static func flow(options: SignInCommonOptions) throws -> QseekConfig.Flow {
        try QseekConfig.load(option: options.config).0.identity.flow
    }

    /// Progress and prompts go to stderr; stdout is for data.
    static func report(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func describe(_ step: SignInProgress) {
        switch step {
        case .authorizationURL(let url):
            report("To sign in, open this URL in a browser:\n\n  \(url.absoluteString)\n")
        case .browserLaunched(let launched):
            if !launched { report("(No browser could be opened here; open the URL above yourself.)") }
        case .waitingForBrowser(let redirectURI):
            report("Waiting for the browser to return to \(redirectURI) … (Ctrl+C cancels)")
        case .exchangingCode:
            report("Finishing sign-in …")
        case .deviceCode(let userCode, let verificationURI, let complete, let expiresIn):
            report("On any device, open \(verificationURI.absoluteString) and enter the code:\n\n  \(userCode)\n")
            if let complete { report("Or open this URL, which includes the code:\n  \(complete.absoluteString)\n") }
            report("The code is valid for \(Int(expiresIn / 60)) minutes.")
        case .waitingForDeviceApproval:
            report("Waiting for approval … (Ctrl+C cancels)")
        case .signedIn:
            // `login` reports the outcome itself, with the issuer.
            break
        }
    }

    /// `describe`, and a `--debug` line for each step of the sign-in (its name only: the
    /// authorization URL carries the PKCE challenge, state and nonce).
    static func progress(logger: Logger) -> @Sendable (SignInProgress) -> Void {
        { step in
            let name: String
            switch step {
            case .authorizationURL: name = "authorizationURL"
            case .browserLaunched(let launched): name = launched ? "browserLaunched" : "browserNotLaunched"
            case .waitingForBrowser: name = "waitingForBrowser"
            case .exchangingCode: name = "exchangingCode"
            case .deviceCode: name = "deviceCode"
            case .waitingForDeviceApproval: name = "waitingForDeviceApproval"
            case .signedIn: name = "signedIn"
            }
            logger.debug("sign-in step", metadata: ["step": "\(name)"])
            describe(step)
        }
    }

    /// Reports an error in words on stderr and returns the exit code for it.
    static func fail(_ error: any Error) -> ExitCode {
        switch error {
        case let error as ConfigError:
            report("qseek: \(error)")
            return ExitCode(Exit.usage)
        case let error as OIDCError:
            report("qseek: \(error.userMessage)")
            return ExitCode(exitCode(for: error))
        case let error as TokenCacheError:
            report("qseek: \(error)")
            return ExitCode(Exit.internalError)
        default:
            report("qseek: unexpected error: \(type(of: error))")
            return ExitCode(Exit.internalError)
        }
    }

    static func exitCode(for error: OIDCError) -> Int32 {
        if error.isNetworkFailure { return Exit.network }
        switch error {
        case .invalidConfiguration, .issuerMismatch, .missingEndpoint, .pkceS256Unsupported, .clientAuthenticationUnsupported:
            return Exit.usage
        case .unexpectedResponse:
            return Exit.network
        case .receiverFailed:
            return Exit.internalError
        default:
            return Exit.signIn
        }
    }

    static func makeLogger(debugFile: String?) -> Logger {
        guard let debugFile else { return Logger(label: "qseek.oidc", factory: { _ in SwiftLogNoOpLogHandler() }) }
        let handler = DebugFileLogHandler(path: debugFile)
        return Logger(label: "qseek.oidc", factory: { _ in handler })
    }
}

/// `--debug FILE`: appends log lines to a file the user chose. Only what the library logs
/// reaches it, and the library never logs tokens or secrets.
struct DebugFileLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug
    private let handle: FileHandle?

    /// Opened for appending (O_APPEND), so several handlers on one file never overwrite each other.
    init(path: String) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        handle = descriptor >= 0 ? FileHandle(fileDescriptor: descriptor, closeOnDealloc: true) : nil
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(LogRedaction.value($0.value.description, key: $0.key))" }.joined(separator: " ")
        let line = "\(ISO8601DateFormatter().string(from: Date())) \(event.level) \(LogRedaction.text(event.message.description))\(details)\n"
        handle?.write(Data(line.utf8))
    }
}

/// The last line of defence for `--debug`: the libraries are written never to log a secret,
/// and this makes a slip visible instead of harmful. Values under a secret-sounding key are
/// dropped, and anything shaped like a JWT (ID, access and refresh tokens, the identity
/// context) is cut out of every line.
enum LogRedaction {
    static let secretKeys = ["token", "secret", "signature", "password", "assertion", "context", "authorization", "credential"]

    static func value(_ value: String, key: String) -> String {
        let lowered = key.lowercased()
        if secretKeys.contains(where: { lowered.contains($0) }) { return "<redacted>" }
        return text(value)
    }

    static func text(_ text: String) -> String {
        text.replacing(#/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/#, with: "<redacted JWT>")
    }
}
