import ArgumentParser
import Foundation
import LiveServices
import Logging
import OIDC
import QseekConfiguration
import Terminal

/// What the login, logout and whoami commands share: reading the config, building the
/// session, reporting to stderr, and turning errors into the documented exit codes.
enum SignInCommandSupport {
    static func session(options: SignInCommonOptions) throws -> SignInSession {
        try sessionAndIdentity(options: options).session
    }

    /// The session plus the `[identity]` section it was built from, from one reading of the config file.
    static func sessionAndIdentity(options: SignInCommonOptions) throws -> (session: SignInSession, identity: QseekConfig.Identity) {
        try SignInSession.configured(configOption: options.config, debugFile: options.debug)
    }

    /// Progress and prompts go to stderr; stdout is for data. The text may hold what an IdP
    /// wrote (an `error` field, a user code, a `name` claim), so it is sanitised here, once.
    static func report(_ line: String) {
        StandardStreams.err(TextSanitizer(keepsNewlines: true).sanitize(line) + "\n")
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
}
