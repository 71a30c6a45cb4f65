import ArgumentParser
import Diagnostics
import Foundation
import LiveServices
import Logging
import Terminal

/// `qseek doctor`: checks every step of the setup and says which one fails, why, and what to change.
struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check every step of the setup and say which one fails, why, and what to change.",
        discussion: """
            Steps: config, IdP discovery, JWKS, sign-in, the ISV's AWS identity, then per tenant AssumeRole \
            (tenant tag), CreateTokenWithIAM, AssumeRole with the identity context and a probe search, and \
            last the model backend. Stops at the first failure unless --all. Exit codes as for every \
            command: 0 all good, 64 config, 65 sign-in, 66 AWS, 69 network.
            """
    )

    @OptionGroup var common: SignInCommonOptions
    @Option(help: "Check only this tenant (default: every configured tenant).") var tenant: String?
    @Flag(help: "Print one JSON document: {ok, exitCode, steps: [{id, title, tenant, status, detail, cause, fix, exitCode}]}.")
    var json = false
    @Flag(help: "Keep going after a failing step.") var all = false

    func run() async throws {
        let doctor = SetupCheckup(options: SetupCheckup.Options(configOption: common.config, tenantID: tenant, continueAfterFailure: all,
                                                    logger: Logger(debugFile: common.debug)))
        let printLines = !json
        let report = await doctor.run { result in
            if printLines { StandardStreams.out(Self.lines(for: result)) }
        }
        if json {
            StandardStreams.out(try PassageOutput.encode(report, formatting: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]) + "\n")
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    /// `✓ title [tenant] — detail`, `– title — skipped — reason`, or `✗ title` with indented
    /// cause and fix lines. A skipped step never shows ✓: it proved nothing.
    static func lines(for result: DiagnosticResult) -> String {
        let mark = switch result.status {
        case .ok: "✓"
        case .failed: "✗"
        case .skipped: "–"
        }
        var line = "\(mark) \(result.title)"
        if let tenant = result.tenant { line += " [\(tenant.sanitizedForTerminal)]" }
        if result.status == .skipped { line += " — skipped" }
        if let detail = result.detail { line += " — \(detail.sanitizedForTerminal)" }
        var text = line + "\n"
        if let cause = result.cause {
            for (index, part) in cause.split(separator: "\n").enumerated() {
                text += (index == 0 ? "    cause: " : "           ") + String(part).sanitizedForTerminal + "\n"
            }
        }
        if let fix = result.fix { text += "    fix:   \(fix.sanitizedForTerminal)\n" }
        return text
    }
}
