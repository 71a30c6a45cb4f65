import Foundation

/// Runs a profile's `credential_process` and reads its Version 1 JSON from stdout.
///
/// The command runs through `/bin/sh -c`, as the AWS CLI does on Unix. Its stderr passes
/// through to ours (it is the tool's way of asking for attention); stdout is parsed and never
/// logged, because it holds the secret.
public struct ProcessCredentialsProvider: CredentialsProvider {
    public let command: String
    public let maximumOutputBytes = 64 * 1024

    public init(command: String) {
        self.command = command
    }

    public func credentials() async throws -> Credentials {
        let (status, output) = try await Self.run(command)
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

    static func run(_ command: String) async throws -> (Int32, Data) {
        try await withCheckedThrowingContinuation { continuation in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            let stdout = Pipe()
            process.standardOutput = stdout
            process.standardInput = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: CredentialsError.processFailed(command: command, exitCode: -1))
                return
            }
            // Read on a plain thread: reading a pipe blocks, which the cooperative pool must not.
            Thread.detachNewThread {
                let data = stdout.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, data))
            }
        }
    }
}

/// ISO 8601 timestamps as credential sources write them, with or without fractional seconds.
enum ISO8601Parsing {
    static func date(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
