import ArgumentParser
import Foundation
import QseekConfiguration
import SandboxTestSupport
import Testing
@testable import qseek

@Suite("qseek config init and check")
struct ConfigCommandTests {
    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    func run(_ arguments: [String]) async throws {
        var command = try Qseek.parseAsRoot(arguments)
        if var async = command as? any AsyncParsableCommand {
            try await async.run()
        } else {
            try command.run()
        }
    }

    func permissions(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func initWritesAPrivateCommentedFileThatParses() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("new/qseek/config.toml").path
        try await run(["config", "init", "--config", file])
        #expect(try permissions(file) == 0o600)
        #expect(try permissions((file as NSString).deletingLastPathComponent) == 0o700)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text == ConfigTemplate.text)
        _ = try ConfigParser(text: text, file: file).parse()
    }

    @Test func initRefusesToOverwriteWithoutForce() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.toml").path
        try "[ui]\ntheme = \"mine\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        await #expect(throws: ExitCode(64)) { try await run(["config", "init", "--config", file]) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "[ui]\ntheme = \"mine\"\n")
        try await run(["config", "init", "--config", file, "--force"])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == ConfigTemplate.text)
    }

    @Test func checkPassesTheSandboxConfigAndFailsTheFreshTemplate() async throws {
        try await SandboxSetup.run { setup in
            try await run(["config", "check", "--config", setup.configPath])
            let template = setup.directory.appendingPathComponent("template.toml").path
            try ConfigTemplate.text.write(toFile: template, atomically: true, encoding: .utf8)
            await #expect(throws: ExitCode(64)) { try await run(["config", "check", "--config", template]) }
            let inspection = try ConfigInspection.inspect(option: template, environment: [:])
            #expect(inspection.problems.contains { $0.key == "identity.issuer" && $0.line != nil })
            #expect(inspection.problems.contains { $0.key == "aws.data_accessor_role_arn" })
        }
    }
}

@Suite("Shell completions")
struct CompletionTests {
    @Test(arguments: [CompletionShell.bash, .zsh, .fish])
    func everyShellGetsAScriptThatKnowsTheNewCommands(shell: CompletionShell) {
        let script = Qseek.completionScript(for: shell)
        #expect(script.count > 1000)
        #expect(script.contains("doctor"))
        #expect(script.contains("config"))
        #expect(script.contains("search"))
    }
}
