/// Everything `qseek doctor` found.
public struct DoctorReport: Sendable, Encodable {
    public var steps: [DiagnosticResult]

    var ok: Bool { !steps.contains { $0.status == .failed } }

    /// The exit code of the first failure, 0 when there is none.
    public var exitCode: Int32 { steps.first { $0.status == .failed }?.exitCode ?? 0 }

    enum CodingKeys: String, CodingKey { case ok, exitCode, steps }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ok, forKey: .ok)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(steps, forKey: .steps)
    }
}
