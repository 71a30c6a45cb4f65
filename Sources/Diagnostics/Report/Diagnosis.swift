import LiveServices

/// A failure put into words: the cause, the fix, and the kind of failure (for the exit code).
public struct Diagnosis: Sendable {
    public var cause: String
    public var fix: String
    public var failure: CommandFailure

    public init(cause: String, fix: String, _ kind: (String) -> CommandFailure) {
        self.cause = cause
        self.fix = fix
        self.failure = kind(cause)
    }
}
