import Assistant
import Foundation
import QseekConfiguration
import Testing
@testable import LiveServices

@Suite("[prompt].template: the standard template, a user's file, or a refusal that names the file")
struct PromptTemplateConfigTests {
    func config(template: String) -> QseekConfig {
        var config = QseekConfig()
        config.prompt.template = template
        return config
    }

    @Test func noTemplateMeansTheStandardOne() throws {
        #expect(try PromptTemplate.configured(config(template: ""), configPath: "/c.toml").source == PromptTemplate.standard.source)
    }

    @Test func anUnreadableFileIsRefusedWithTheConfigAndThePath() {
        #expect {
            try PromptTemplate.configured(config(template: "/nonexistent/qseek-template.mustache"), configPath: "/c.toml")
        } throws: { error in
            (error as? CommandFailure)?.message == "/c.toml: [prompt].template /nonexistent/qseek-template.mustache cannot be read."
        }
    }

    @Test func aBrokenTemplateIsRefusedWithItsPathAndAUsersTemplateIsRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.mustache")
        try "{{#passages}} never closed".write(to: broken, atomically: true, encoding: .utf8)
        #expect {
            try PromptTemplate.configured(config(template: broken.path), configPath: "/c.toml")
        } throws: { error in
            (error as? CommandFailure)?.message.hasPrefix(broken.path + ": ") == true
        }
        let good = directory.appendingPathComponent("good.mustache")
        try "Q: {{question}}".write(to: good, atomically: true, encoding: .utf8)
        #expect(try PromptTemplate.configured(config(template: good.path), configPath: "/c.toml").source == "Q: {{question}}")
    }
}
