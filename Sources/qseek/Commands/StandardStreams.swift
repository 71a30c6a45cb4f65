#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiveServices

/// stdout and stderr for every command, written with write(2). Foundation's
/// `FileHandle.write(_:)` traps when the reader has gone (`qseek search --json | head -c 200`).
/// Here a reader that went away ends the command as it ends any Unix tool, with status 141
/// (128 + SIGPIPE) and no message; any other failure to write the output (a full disk) is said
/// on stderr and exits 70. A failure to write stderr only loses that message.
enum StandardStreams {
    /// The exit status after stdout was closed by its reader.
    static let brokenPipeStatus: Int32 = 141

    static func out(_ text: String) {
        guard let error = write(text, to: STDOUT_FILENO) else { return }
        if error == EPIPE { exit(brokenPipeStatus) }
        err("qseek: cannot write the output: \(String(cString: strerror(error)))\n")
        exit(ExitStatus.internalError.rawValue)
    }

    static func err(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }

    /// Writes all of `text`; the `errno` of the write that failed, or nil.
    private static func write(_ text: String, to descriptor: Int32) -> Int32? {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            bytes = bytes.dropFirst(written)
        }
        return nil
    }
}
