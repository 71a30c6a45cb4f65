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
        let (status, output) = try await Self.run(command, timeout: timeout)
        guard status == 0 else { throw CredentialsError.processFailed(command: command, exitCode: status) }
        guard output.count <= maximumOutputBytes else {
            throw CredentialsError.processOutputInvalid(command: command, detail: "more than \(maximumOutputBytes) bytes")
        }
        return try Self.parse(output, command: command)
    }

    static func parse(_ output: Data, command: String) throws(CredentialsError) -> Credentials {
        guard let object = (try? JSONSerialization.jsonObject(with: output)) as? [String: Any] else {
            throw .processOutputInvalid(command: command, detail: "not a JSON object")
        }
        guard (object["Version"] as? NSNumber)?.intValue == 1 else {
            throw .processOutputInvalid(command: command, detail: "Version must be 1")
        }
        guard let key = object["AccessKeyId"] as? String, !key.isEmpty,
              let secret = object["SecretAccessKey"] as? String, !secret.isEmpty else {
            throw .processOutputInvalid(command: command, detail: "AccessKeyId or SecretAccessKey missing")
        }
        var expiration: Date?
        if let text = object["Expiration"] as? String {
            guard let date = ISO8601Parsing.date(text) else {
                throw .processOutputInvalid(command: command, detail: "Expiration is not an ISO 8601 time")
            }
            expiration = date
        }
        return Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: object["SessionToken"] as? String, expiration: expiration)
    }

    static func run(_ command: String, timeout: TimeInterval) async throws -> (Int32, Data) {
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
            // Read on a plain thread: reading a pipe blocks, which the cooperative pool must not.
            let pid = process.processIdentifier
            let finished = NIOLockedValueBox(false)
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                // The reader below resumes once the killed process's stdout closes.
                finished.withLockedValue { done in
                    // The shell's children hold stdout open too: kill the whole group when the
                    // child leads one, else the shell alone.
                    if !done { kill(getpgid(pid) == pid ? -pid : pid, SIGKILL) }
                }
            }
            Thread.detachNewThread {
                let data = stdout.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                finished.withLockedValue { $0 = true }
                continuation.resume(returning: (process.terminationStatus, data))
            }
        }
    }
}
