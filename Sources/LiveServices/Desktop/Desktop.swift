import AppCore
import Foundation
import OIDC
import QseekConfiguration

/// The browser, the remembered tenant and exported files (the clipboard goes through the
/// terminal itself).
public struct Desktop: SystemServices {
    let stateDirectory: URL

    public init(stateDirectory: URL) {
        self.stateDirectory = stateDirectory
    }

    public func open(_ url: String) async throws(DesktopError) {
        guard let target = URL(string: url), ["http", "https"].contains(target.scheme?.lowercased() ?? "") else {
            throw .notAWebLink(url)
        }
        guard BrowserLauncher().open(target) else { throw .noBrowser(url: url) }
    }

    public func rememberTenant(_ id: String) async {
        LastTenant(directory: stateDirectory).save(id)
    }

    /// Exports go to the current directory (where the user started qseek), never overwriting.
    public func export(_ markdown: String, suggestedName: String) async throws(DesktopError) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = formatter.string(from: Date())
        let directory = FileManager.default.currentDirectoryPath
        // Created O_EXCL 0600 from the first byte (the export holds company text); a name that
        // exists, or appears meanwhile, moves on to the next one.
        for attempt in 1...100 {
            let path = directory + "/" + (attempt == 1 ? "\(suggestedName)-\(stamp).md" : "\(suggestedName)-\(stamp)-\(attempt).md")
            do {
                try PrivateFile.create(atPath: path, contents: Data(markdown.utf8))
                return path
            } catch where FileManager.default.fileExists(atPath: path) {
                continue
            } catch {
                throw .cannotWrite(path: path)
            }
        }
        throw .cannotWrite(path: directory + "/" + "\(suggestedName)-\(stamp).md")
    }
}
