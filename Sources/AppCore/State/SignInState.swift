/// The sign-in screen: how the user may sign in, and what is happening.
public struct SignInState: Sendable, Equatable {
    public var options: SignInOptions
    public var phase: Phase = .idle
    /// Index into the choices (browser, device, each demo user).
    public var selection = 0
    public var error: String?

    public enum Phase: Sendable, Equatable {
        case idle
        /// At launch: looking for a saved sign-in (Esc skips it).
        case checkingSavedSignIn
        case waitingForBrowser(url: String)
        case waitingForDevice(userCode: String, verificationURL: String)
        case signingIn
    }

    public var choices: [SignInMethod] {
        var choices: [SignInMethod] = options.demoUsers.map { .demoUser($0) }
        choices.append(.browser)
        if options.offersDevice { choices.append(.device) }
        return choices
    }

    public var isBusy: Bool { phase != .idle }
}

/// What the sign-in screen can say about the IdP.
public struct SignInOptions: Sendable, Equatable {
    public var issuer: String
    public var clientID: String
    public var offersDevice: Bool
    /// Login hints offered as one-key sign-ins (the sandbox's demo users).
    public var demoUsers: [String]
    /// A question to try, by demo user (the demo's story: each user reads something else).
    public var suggestedQuestions: [String: String]

    public init(issuer: String, clientID: String, offersDevice: Bool, demoUsers: [String] = [],
                suggestedQuestions: [String: String] = [:]) {
        self.issuer = issuer
        self.clientID = clientID
        self.offersDevice = offersDevice
        self.demoUsers = demoUsers
        self.suggestedQuestions = suggestedQuestions
    }
}

public enum SignInMethod: Sendable, Equatable {
    case browser
    case device
    case demoUser(String)
}

/// What a sign-in in progress reports before it finishes.
public enum SignInProgress: Sendable, Equatable {
    case openedBrowser(url: String)
    case showDeviceCode(userCode: String, verificationURL: String)
}
