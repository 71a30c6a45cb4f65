import Foundation
import PackagePlugin

/// Compiles `themes/*.toml` into the target as Swift string literals, so the built-in
/// themes travel inside the binary and `themes/` stays the one place they are edited.
@main
struct EmbedThemes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "themes")
        let files = try FileManager.default
            .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "toml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinThemes.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) built-in themes",
                executable: try context.tool(named: "TextEmbedder").url,
                arguments: [output.path, "BuiltinThemes"] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }
}
