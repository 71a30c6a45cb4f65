/// One line of `qseek doctor`: a step of the setup, whether it works, and when it does not,
/// why and what to change. The `--json` document is an array of these; its field names are
/// part of the command-line contract.
struct DiagnosticResult: Sendable, Equatable, Encodable {
    enum Status: String, Sendable, Encodable {
        case ok
        case failed
        /// Not run: nothing to check (`provider = "none"`) or a step it needs failed.
        case skipped
    }

    /// Stable identifier: `config`, `discovery`, `jwks`, `sign-in`, `aws-identity`,
    /// `tenant`, `assume-role`, `create-token`, `identity-aware-role`, `search`, `model`.
    var id: String
    var title: String
    /// The tenant the step ran for; `nil` for steps that do not depend on one.
    var tenant: String?
    var status: Status
    /// What was found, on success (a caller ARN, a passage count); never a secret.
    var detail: String?
    var cause: String?
    var fix: String?
    /// The exit code this failure maps to (CONFIG.md); `nil` unless failed.
    var exitCode: Int32?

    static func ok(_ id: String, _ title: String, tenant: String? = nil, _ detail: String) -> DiagnosticResult {
        DiagnosticResult(id: id, title: title, tenant: tenant, status: .ok, detail: detail)
    }

    static func skipped(_ id: String, _ title: String, tenant: String? = nil, _ reason: String) -> DiagnosticResult {
        DiagnosticResult(id: id, title: title, tenant: tenant, status: .skipped, detail: reason)
    }

    static func failed(_ id: String, _ title: String, tenant: String? = nil, _ diagnosis: Diagnosis) -> DiagnosticResult {
        DiagnosticResult(id: id, title: title, tenant: tenant, status: .failed, cause: diagnosis.cause, fix: diagnosis.fix,
                         exitCode: diagnosis.failure.exitCode)
    }
}

/// A failure put into words: the cause, the fix, and the kind of failure (for the exit code).
struct Diagnosis: Sendable {
    var cause: String
    var fix: String
    var failure: CommandFailure

    init(cause: String, fix: String, _ kind: (String) -> CommandFailure) {
        self.cause = cause
        self.fix = fix
        self.failure = kind(cause)
    }
}

/// Everything `qseek doctor` found.
struct DoctorReport: Sendable, Encodable {
    var steps: [DiagnosticResult]

    var ok: Bool { !steps.contains { $0.status == .failed } }

    /// The exit code of the first failure, 0 when there is none.
    var exitCode: Int32 { steps.first { $0.status == .failed }?.exitCode ?? 0 }

    enum CodingKeys: String, CodingKey { case ok, exitCode, steps }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ok, forKey: .ok)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(steps, forKey: .steps)
    }
}
