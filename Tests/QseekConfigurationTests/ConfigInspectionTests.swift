import Foundation
import QseekConfiguration
import Testing

/// What `config check` and `doctor` read: the config with its environment overrides, and which applied.
@Suite("Config inspection")
struct ConfigInspectionTests {
    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func environmentOverridesAreAppliedAndListed() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.toml").path
        try "[ui]\ntheme = \"midnight\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let inspection = try ConfigInspection.inspect(option: file, environment: ["QSEEK_THEME": "daylight", "QSEEK_REGION": "eu-west-1"])
        #expect(inspection.config.ui.theme == "daylight")
        #expect(inspection.config.aws.region == "eu-west-1")
        #expect(Set(inspection.overrides.map(\.variable)) == ["QSEEK_THEME", "QSEEK_REGION"])
    }
}
