import Foundation
import Testing

@testable import QseekConfiguration

@Suite("Config file lookup order")
struct ConfigLocationTests {
    @Test func theOptionWinsOverEverything() {
        let location = ConfigLocation.resolve(option: "/opt/q.toml", environment: ["QSEEK_CONFIG": "/env.toml", "XDG_CONFIG_HOME": "/xdg", "HOME": "/home/u"])
        #expect(location == ConfigLocation(path: "/opt/q.toml", source: .option))
    }

    @Test func thenQSEEK_CONFIG() {
        let location = ConfigLocation.resolve(option: nil, environment: ["QSEEK_CONFIG": "/env.toml", "XDG_CONFIG_HOME": "/xdg", "HOME": "/home/u"])
        #expect(location == ConfigLocation(path: "/env.toml", source: .environment))
    }

    @Test func thenXDGConfigHomeThenHome() {
        #expect(ConfigLocation.resolve(option: nil, environment: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/u"]).path == "/xdg/qseek/config.toml")
        #expect(ConfigLocation.resolve(option: nil, environment: ["XDG_CONFIG_HOME": "relative/dir", "HOME": "/home/u"]).path == "/home/u/.config/qseek/config.toml")
        #expect(ConfigLocation.resolve(option: nil, environment: ["HOME": "/home/u"]).path == "/home/u/.config/qseek/config.toml")
    }

    @Test func aNamedFileMustExistButTheDefaultMayBeAbsent() throws {
        let missing = "/nonexistent-\(UUID().uuidString)/config.toml"
        #expect(throws: ConfigError.self) { try QseekConfig.load(option: missing, environment: [:]) }
        #expect(throws: ConfigError.self) { try QseekConfig.load(option: nil, environment: ["QSEEK_CONFIG": missing]) }
        let (config, location) = try QseekConfig.load(option: nil, environment: ["HOME": "/nonexistent-\(UUID().uuidString)"])
        #expect(config == QseekConfig())
        #expect(location.source == .home)
    }

    @Test func aFileIsReadAndErrorsNameIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.toml")
        try "[ui]\ntheme = \"daylight\"\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try QseekConfig.load(option: file.path, environment: [:]).0.ui.theme == "daylight")
        try "[ui]\ntheme = \"daylight\"\ncolour = 1\n".write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try QseekConfig.load(option: file.path, environment: [:])
            Issue.record("unknown key should fail")
        } catch let error as ConfigError {
            #expect(error.description.hasPrefix("\(file.path):3: ui.colour"))
        }
    }
}
