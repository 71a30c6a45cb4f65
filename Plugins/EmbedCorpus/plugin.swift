import Foundation
import PackagePlugin

/// Compiles the sandbox's demo corpus (`Sources/Sandbox/Resources/corpus/*`) into the target
/// as Swift string literals, so `qseek demo` and `qseek sandbox serve` work from an installed
/// binary with no resource bundle beside it, and a missing bundle can never crash them.
@main
struct EmbedCorpus: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "Sources/Sandbox/Resources/corpus")
        let files = try FileManager.default
            .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { ["toml", "jsonl"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledCorpusFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) sandbox corpus files",
                executable: try context.tool(named: "TextEmbedder").url,
                arguments: [output.path, "BundledCorpusFiles"] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }
}
