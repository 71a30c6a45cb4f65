import Foundation

/// Opens a URL in the user's browser with whatever this system offers: `$BROWSER` first (the
/// convention over SSH and in containers), then `xdg-open`, `open` (macOS), `wslview` (WSL).
///
/// Opening is best effort: the caller always prints the URL too, so a machine without a
/// browser still works.
/// Something that can show a URL to the user. ``BrowserLauncher`` in production; tests use
/// one that plays the browser.
public protocol URLOpener: Sendable {
    /// Returns whether the URL was handed to something that will show it.
    func open(_ url: URL) -> Bool
}

public struct BrowserLauncher: URLOpener {
    private let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The command that would be used, if any: an absolute path to an executable file.
    public func command() -> String? {
        var names: [String] = []
        if let browser = environment["BROWSER"] {
            names += browser.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        names += ["xdg-open", "open", "wslview"]
        let searchPath = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            if name.contains("/") {
                if FileManager.default.isExecutableFile(atPath: name) { return name }
                continue
            }
            for directory in searchPath where !directory.isEmpty {
                let candidate = (directory as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Starts the browser and returns without waiting for it. Returns whether a launcher ran.
    @discardableResult
    public func open(_ url: URL) -> Bool {
        // A launcher hands any scheme to its handler (`file:`, `javascript:`, custom apps):
        // only web pages are ever meant here.
        guard let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http" else { return false }
        guard let command = command() else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        // The URL is one argument, never passed through a shell.
        process.arguments = [url.absoluteString]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            return true
        } catch {
            return false
        }
    }
}
