import Foundation
import NIOConcurrencyHelpers

/// Runs a profile's `credential_process` and reads its Version 1 JSON from stdout.
///
/// The command runs through `/bin/sh -c`, as the AWS CLI does on Unix. Its stderr goes to
/// /dev/null: qseek may own the terminal (a full-screen UI a child must not scribble on).
/// Stdout is parsed and never logged, because it holds the secret. A command that does not
/// finish within `timeout` is terminated and reported as failed.
public struct ProcessCredentialsProvider: CredentialsProvider {
    public let command: String
    public let timeout: TimeInterval
    public let maximumOutputBytes = 64 * 1024

    public init(command: String, timeout: TimeInterval = 60) {
        self.command = command
        self.timeout = timeout
    }

    public func credentials() async throws -> Credentials {
        let (status, output) = try await Self.run(command, timeout: timeout, limit: maximumOutputBytes)
        // Checked first: a command stopped for writing too much is killed, whatever it meant.
        guard output.count <= maximumOutputBytes else {
            throw CredentialsError.processOutputInvalid(command: command, detail: "more than \(maximumOutputBytes) bytes")
        }
        guard status == 0 else { throw CredentialsError.processFailed(command: command, exitCode: status) }
        return try Self.parse(output, command: command)
    }

    static func parse(_ output: Data, command: String) throws(CredentialsError) -> Credentials {
        guard let object = JSONValue.parse(output)?.objectValue else {
            throw .processOutputInvalid(command: command, detail: "not a JSON object")
        }
        guard object["Version"]?.intValue == 1 else {
            throw .processOutputInvalid(command: command, detail: "Version must be 1")
        }
        guard let key = object["AccessKeyId"]?.stringValue, !key.isEmpty,
              let secret = object["SecretAccessKey"]?.stringValue, !secret.isEmpty else {
            throw .processOutputInvalid(command: command, detail: "AccessKeyId or SecretAccessKey missing")
        }
        var expiration: Date?
        if let text = object["Expiration"]?.stringValue {
            guard let date = ISO8601Parsing.date(text) else {
                throw .processOutputInvalid(command: command, detail: "Expiration is not an ISO 8601 time")
            }
            expiration = date
        }
        return Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: object["SessionToken"]?.stringValue, expiration: expiration)
    }

    /// Runs `command` and returns its exit status and stdout. Stdout is read as it arrives:
    /// once it passes `limit` bytes the command is killed and the first `limit + 1` bytes
    /// returned, so a runaway command costs neither memory nor the whole timeout.
    static func run(_ command: String, timeout: TimeInterval, limit: Int) async throws -> (Int32, Data) {
        try await withCheckedThrowingContinuation { continuation in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            let stdout = Pipe()
            process.standardOutput = stdout
            process.standardInput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: CredentialsError.processFailed(command: command, exitCode: -1))
                return
            }
            // Exactly one of the timer and the reader resumes the continuation.
            let pid = process.processIdentifier
            let resumed = NIOLockedValueBox(false)
            @Sendable func resumeOnce(_ result: Result<(Int32, Data), any Error>) {
                let first = resumed.withLockedValue { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(with: result) }
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                guard !resumed.withLockedValue({ $0 }) else { return }
                // Kill the whole group when the shell leads one, else the shell alone; answer
                // at once rather than wait for a straggler that still holds stdout.
                kill(getpgid(pid) == pid ? -pid : pid, SIGKILL)
                resumeOnce(.failure(CredentialsError.processFailed(command: command, exitCode: Int32(SIGKILL))))
            }
            // Read on a plain thread: reading a pipe blocks, which the cooperative pool must not.
            Thread.detachNewThread {
                let reader = stdout.fileHandleForReading
                var data = Data()
                while data.count <= limit {
                    guard let chunk = try? reader.read(upToCount: 16 * 1024), !chunk.isEmpty else { break }
                    data.append(chunk)
                }
                if data.count > limit {
                    data = data.prefix(limit + 1)
                    kill(getpgid(pid) == pid ? -pid : pid, SIGKILL)
                }
                process.waitUntilExit()
                resumeOnce(.success((process.terminationStatus, data)))
            }
        }
    }
}
