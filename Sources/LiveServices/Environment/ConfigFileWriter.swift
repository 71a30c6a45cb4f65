import Foundation
import QseekConfiguration

/// Writes a file the way the config and the token cache are kept: parent 0700, file 0600
/// from its first byte, written to a temporary file and renamed, so a reader never sees half
/// a config (``PrivateFile``).
public enum ConfigFileWriter {
    public static func write(_ text: String, to path: String, overwrite: Bool) throws(CommandFailure) {
        let manager = FileManager.default
        if manager.fileExists(atPath: path), !overwrite {
            throw .usage("\(path) already exists; `qseek config init --force` overwrites it")
        }
        let file = URL(fileURLWithPath: path)
        let directory = file.deletingLastPathComponent()
        do {
            if !manager.fileExists(atPath: directory.path) {
                try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            try PrivateFile.write(atPath: path, contents: Data(text.utf8), replacing: overwrite)
        } catch let failure as PrivateFile.WriteError {
            throw .usage(failure.userMessage)
        } catch {
            throw .usage("cannot create \(directory.path): \(error.localizedDescription)")
        }
    }
}
