import Foundation
import PackagePlugin

/// Writes the commit the binary is built from into the `LiveServices` target (its `QseekVersion`), so `qseek --version`
/// names it. Reads the repository's own files (`.git/HEAD` and the ref it names), never runs
/// git: a source tree without `.git` (a tarball) builds as commit "unknown".
@main
struct EmbedBuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildInfo.swift")
        return [
            .buildCommand(
                displayName: "Embedding the commit qseek is built from",
                executable: try context.tool(named: "BuildInfoWriter").url,
                arguments: [root.path, output.path],
                inputFiles: GitFiles(root: root).watched,
                outputFiles: [output]
            ),
        ]
    }
}

/// The files whose change means a new commit: HEAD, the ref it points at, packed refs.
struct GitFiles {
    let root: URL

    var watched: [URL] {
        guard let gitDirectory else { return [] }
        var files = [gitDirectory.appending(path: "HEAD")]
        if let head = try? String(contentsOf: gitDirectory.appending(path: "HEAD"), encoding: .utf8),
           head.hasPrefix("ref: ") {
            let ref = head.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)
            files.append(commonDirectory.appending(path: ref))
        }
        files.append(commonDirectory.appending(path: "packed-refs"))
        return files.filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// `.git`, or the directory a worktree's `.git` file names.
    var gitDirectory: URL? {
        let dotGit = root.appending(path: ".git")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return dotGit }
        guard let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir: ") else { return nil }
        let path = text.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appending(path: path)
    }

    /// Where refs live: a worktree shares them with the main repository (`commondir`).
    var commonDirectory: URL {
        guard let gitDirectory else { return root }
        if let text = try? String(contentsOf: gitDirectory.appending(path: "commondir"), encoding: .utf8) {
            let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return path.hasPrefix("/") ? URL(fileURLWithPath: path) : gitDirectory.appending(path: path).standardized
        }
        return gitDirectory
    }
}
