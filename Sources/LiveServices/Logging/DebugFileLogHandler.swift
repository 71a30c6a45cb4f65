import Foundation
import Logging
import Terminal

/// `--debug FILE`: appends log lines to a file the user chose. Only what the library logs
/// reaches it, and the library never logs tokens or secrets.
struct DebugFileLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug
    private let handle: FileHandle?

    /// Opened for appending (O_APPEND), so several handlers on one file never overwrite each other.
    init(path: String) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        handle = descriptor >= 0 ? FileHandle(fileDescriptor: descriptor, closeOnDealloc: true) : nil
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(LogRedaction.value($0.value.description, key: $0.key))" }.joined(separator: " ")
        let line = "\(Date().formatted(.iso8601)) \(event.level) \(LogRedaction.text(event.message.description))\(details)\n"
        handle?.write(Data(line.utf8))
    }
}

extension Logger {
    /// The logger of `--debug FILE`: with no file, one that logs nothing.
    public init(debugFile: String?) {
        guard let debugFile else {
            self.init(label: "qseek.oidc", factory: { _ in SwiftLogNoOpLogHandler() })
            return
        }
        let handler = DebugFileLogHandler(path: debugFile)
        self.init(label: "qseek.oidc", factory: { _ in handler })
    }
}

/// The last line of defence for `--debug`: the libraries are written never to log a secret,
/// and this makes a slip visible instead of harmful. Values under a secret-sounding key are
/// dropped, and anything shaped like a JWT (ID, access and refresh tokens, the identity
/// context) is cut out of every line.
enum LogRedaction {
    static let secretKeys = ["token", "secret", "signature", "password", "assertion", "context", "authorization", "credential"]

    static func value(_ value: String, key: String) -> String {
        let lowered = key.lowercased()
        if secretKeys.contains(where: { lowered.contains($0) }) { return "<redacted>" }
        return text(value)
    }

    /// Also one line of printable text: the log is read in a terminal (`tail -f`), and a
    /// server's error text must neither act on it nor forge a line of its own.
    static func text(_ text: String) -> String {
        text.replacing(#/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/#, with: "<redacted JWT>").sanitizedForTerminal
    }
}
