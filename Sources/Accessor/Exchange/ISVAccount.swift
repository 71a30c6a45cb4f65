import AWS

/// What the ISV itself brings to the exchange: its own AWS identity and the data-accessor
/// role that customers trust (`[aws]` in the config).
public struct ISVAccount: Sendable {
    /// The ISV's base credentials (the standard chain, or the sandbox's demo key).
    public var baseCredentials: any CredentialsProvider
    public var roleARN: String
    /// The STS region.
    public var region: String
    /// Seconds, 900...3600 (role chaining caps the second AssumeRole at one hour).
    public var sessionDuration: Int

    public init(baseCredentials: any CredentialsProvider, roleARN: String, region: String, sessionDuration: Int = 900) {
        self.baseCredentials = baseCredentials
        self.roleARN = roleARN
        self.region = region
        self.sessionDuration = min(max(900, sessionDuration), 3600)
    }
}

/// The signed-in user as the exchange needs them: who (for the cache key and the session
/// name) and the ID token to present. The token is a secret and never printed. Without a
/// token the exchange runs only the step that needs none (`doctor` checks the role before
/// anyone signed in) and then asks for a sign-in.
public struct SignedInUser: Sendable, CustomStringConvertible {
    public var subject: String
    public var idToken: String?

    public init(subject: String, idToken: String?) {
        self.subject = subject
        self.idToken = idToken
    }

    public var description: String { "SignedInUser(subject: \(subject), idToken: <redacted>)" }

    /// A `RoleSessionName` that names the user: 2–64 characters of `[\w+=,.@-]`.
    var sessionName: String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-")
        let cleaned = String(subject.map { allowed.contains($0) ? $0 : "-" })
        return String(("qseek-" + cleaned).prefix(64))
    }
}
