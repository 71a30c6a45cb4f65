import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// stdout and stderr for every command. Foundation's `FileHandle.write(_:)` traps when the
/// reader has gone (`qseek search --json | head -c 200`): here a closed stdout ends the command
/// as it ends any Unix tool whose reader went away, with status 141 (128 + SIGPIPE) and no
/// message; a closed stderr only loses the message.
enum StandardStreams {
    /// The exit status after stdout was closed by its reader.
    static let brokenPipeStatus: Int32 = 141

    static func out(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            exit(brokenPipeStatus)
        }
    }

    static func err(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
