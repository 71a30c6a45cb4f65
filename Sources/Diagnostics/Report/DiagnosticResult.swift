/// One line of `qseek doctor`: a step of the setup, whether it works, and when it does not,
/// why and what to change. The `--json` document is an array of these; its field names are
/// part of the command-line contract.
public struct DiagnosticResult: Sendable, Equatable, Encodable {
    public enum Status: String, Sendable, Encodable {
        case ok
        case failed
        /// Not run: nothing to check (`provider = "none"`) or a step it needs failed.
        case skipped
    }

    /// Stable identifier: `config`, `discovery`, `jwks`, `sign-in`, `aws-identity`,
    /// `tenant`, `assume-role`, `create-token`, `identity-aware-role`, `search`, `model`.
    public var id: String
    public var title: String
    /// The tenant the step ran for; `nil` for steps that do not depend on one.
    public var tenant: String?
    public var status: Status
    /// What was found, on success (a caller ARN, a passage count); never a secret.
    public var detail: String?
    public var cause: String?
    public var fix: String?
    /// The exit code this failure maps to (CONFIG.md); `nil` unless failed.
    public var exitCode: Int32?

    public static func ok(_ id: String, _ title: String, tenant: String? = nil, _ detail: String) -> DiagnosticResult {
        DiagnosticResult(id: id, title: title, tenant: tenant, status: .ok, detail: detail)
    }

    public static func skipped(_ id: String, _ title: String, tenant: String? = nil, _ reason: String) -> DiagnosticResult {
        DiagnosticResult(id: id, title: title, tenant: tenant, status: .skipped, detail: reason)
    }

    public static func failed(_ id: String, _ title: String, tenant: String? = nil, _ diagnosis: Diagnosis) -> DiagnosticResult {
        DiagnosticResult(id: id, title: title, tenant: tenant, status: .failed, cause: diagnosis.cause, fix: diagnosis.fix,
                         exitCode: diagnosis.failure.exitCode)
    }
}
