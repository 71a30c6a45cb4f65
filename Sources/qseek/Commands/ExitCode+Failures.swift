import ArgumentParser
import Foundation
import LiveServices
import Terminal

extension ExitCode {
    /// The exit code of the table scripts rely on (CONFIG.md), which `LiveServices` keeps
    /// free of ArgumentParser.
    init(_ status: ExitStatus) {
        self.init(status.rawValue)
    }
}

extension ExitStatus {
    var exitCode: ExitCode { ExitCode(self) }
}

extension CommandFailure {
    /// Prints the message on stderr and exits with the code.
    func exit() -> ExitCode {
        StandardStreams.err("qseek: \(TextSanitizer(keepsNewlines: true).sanitize(message))\n")
        return ExitCode(exitCode)
    }
}
