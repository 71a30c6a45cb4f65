import AppCore
import Foundation
import OIDC

/// The browser, the remembered tenant and exported files (the clipboard goes through the
/// terminal itself).
struct Desktop: SystemServices {
    let stateDirectory: URL

    func open(_ url: String) async throws(DesktopError) {
        guard let target = URL(string: url), ["http", "https"].contains(target.scheme?.lowercased() ?? "") else {
            throw .notAWebLink(url)
        }
        guard BrowserLauncher().open(target) else { throw .noBrowser(url: url) }
    }

    func rememberTenant(_ id: String) async {
        LastTenant(directory: stateDirectory).save(id)
    }

    /// Exports go to the current directory (where the user started qseek), never overwriting.
    func export(_ markdown: String, suggestedName: String) async throws(DesktopError) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = formatter.string(from: Date())
        let directory = FileManager.default.currentDirectoryPath
        var name = "\(suggestedName)-\(stamp).md"
        var attempt = 1
        while FileManager.default.fileExists(atPath: directory + "/" + name) {
            attempt += 1
            name = "\(suggestedName)-\(stamp)-\(attempt).md"
        }
        let path = directory + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(markdown.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw .cannotWrite(path: path)
        }
        return path
    }
}
