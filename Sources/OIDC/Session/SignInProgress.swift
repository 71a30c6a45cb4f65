import Foundation

/// Steps of a sign-in that the user should see. The caller decides how to show them (stderr
/// for the CLI, the sign-in screen for the TUI); the library never prints.
public enum SignInProgress: Sendable, Equatable {
    /// The authorization URL: always reported, so it can be printed for SSH sessions.
    case authorizationURL(URL)
    /// Whether a browser was launched for it.
    case browserLaunched(Bool)
    case waitingForBrowser(redirectURI: String)
    case exchangingCode
    /// Device flow: what the user must type, and where (RFC 8628 §3.3).
    case deviceCode(userCode: String, verificationURI: URL, verificationURIComplete: URL?, expiresIn: TimeInterval)
    case waitingForDeviceApproval
    case signedIn(subject: String)
}
