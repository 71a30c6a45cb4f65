import Foundation
import QseekConfiguration

/// The last tenant chosen, kept in `$XDG_STATE_HOME/qseek/last-tenant` (0600).
public struct LastTenant {
    let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    var file: URL { directory.appendingPathComponent("last-tenant") }

    public func load() -> String? {
        (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func save(_ id: String) {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? PrivateFile.write(atPath: file.path, contents: Data(id.utf8), replacing: true)
    }

    /// `$XDG_STATE_HOME/qseek`, default `~/.local/state/qseek`.
    public static func directory(environment: [String: String]) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("qseek")
        }
        return URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory()).appendingPathComponent(".local/state/qseek")
    }
}
