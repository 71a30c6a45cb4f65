import Testing
@testable import AppUI
import Terminal

@Suite("Reading theme files")
struct ThemeParserTests {
    @Test("Every built-in theme parses, and the four the UX promises are there")
    func builtins() {
        let catalog = ThemeCatalog.builtin
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        for name in ["midnight", "daylight", "high-contrast", "monochrome"] {
            #expect(catalog.names.contains(name))
        }
    }

    @Test("Colors, tables and attributes land on the right roles")
    func roles() throws {
        let theme = try ThemeParser.parse("""
            name = "t"
            [roles]
            background = "#000000"
            text = "white"
            selection = { fg = "#000", bg = "12", bold = true }
            """, file: "t.toml")
        #expect(theme[.text] == Style(foreground: .basic(.white), background: .rgb(0, 0, 0)))
        #expect(theme[.selection] == Style(foreground: .rgb(0, 0, 0), background: .indexed(12), attributes: .bold))
        #expect(theme[.background].background == .rgb(0, 0, 0))
        #expect(theme[.muted] == Style(background: .rgb(0, 0, 0)))
    }

    @Test("A bad color names the file, the line and the key")
    func badColor() {
        let source = "name = \"x\"\n\n[roles]\ntext = \"#12\"\n"
        #expect(throws: ThemeError(file: "x.toml", line: 4, key: "roles.text",
                                   problem: .invalidValue("\"#12\" is not a color: use #rrggbb, #rgb, a palette index 0-255, or a name such as red or bright_blue"))) {
            try ThemeParser.parse(source, file: "x.toml")
        }
    }

    @Test("A bad color inside a style table names the nested key")
    func badNestedColor() {
        let source = "[roles]\ntext = \"red\"\nerror = { fg = \"nope\", bold = true }\n"
        do {
            _ = try ThemeParser.parse(source, file: "x.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.key == "roles.error.fg")
            #expect(error.description.hasPrefix("x.toml:3: roles.error.fg: \"nope\" is not a color"))
        }
    }

    @Test("An unknown role is an error, not silently ignored")
    func unknownRole() {
        let source = "[roles]\ntext = \"red\"\ncitaton = \"blue\"\n"
        do {
            _ = try ThemeParser.parse(source, file: "typo.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.problem == .unknownKey)
            #expect(error.line == 3)
            #expect(error.key == "roles.citaton")
        }
    }

    @Test("A TOML syntax error reports its line")
    func syntaxError() {
        let source = "name = \"x\"\n[roles\ntext = \"red\"\n"
        do {
            _ = try ThemeParser.parse(source, file: "broken.toml")
            Issue.record("expected an error")
        } catch {
            guard case .syntax = error.problem else { Issue.record("wrong problem: \(error)"); return }
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("broken.toml:2: TOML syntax error"))
        }
    }

    @Test("Malformed TOML that used to abort qseek is a syntax error with its line", arguments: [
        String(decoding: [0x5B, 0xD2, 0x89], as: UTF8.self), "[", "[.]", "[..]", "[!]", "[\"\"a]",
    ])
    func malformedTOML(text: String) {
        do {
            _ = try ThemeParser.parse("name = \"x\"\n" + text, file: "bad.toml")
            Issue.record("expected an error")
        } catch {
            guard case .syntax = error.problem else { Issue.record("wrong problem: \(error)"); return }
            #expect(error.line == 2)
        }
    }

    @Test("A style table written as its own section names the line of the bad key")
    func sectionStyleLine() {
        let source = "[roles]\ntext = \"red\"\n\n[roles.error]\nbold = true\nfg = \"nope\"\n"
        do {
            _ = try ThemeParser.parse(source, file: "x.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 6)
            #expect(error.key == "roles.error.fg")
        }
    }

    @Test("A broken user theme is reported and the default theme is used instead")
    func fallback() throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("qseek-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "name = \"mine\"\n[roles]\ntext = 300\n".write(to: directory.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        try "name = \"ok\"\n[roles]\ntext = \"red\"\n".write(to: directory.appendingPathComponent("ok.toml"), atomically: true, encoding: .utf8)

        let catalog = ThemeCatalog.load(userDirectory: directory)
        #expect(catalog.problems.count == 1)
        #expect(catalog.problems.first?.description.contains("mine.toml:3: roles.text") == true)
        #expect(catalog.names.contains("ok"))
        let (theme, problem) = catalog.theme(named: "mine")
        #expect(theme.name == ThemeCatalog.defaultThemeName)
        #expect(problem != nil)
    }

    @Test("Without colors every role keeps a distinguishing attribute")
    func monochromeAdaptation() {
        let theme = ThemeCatalog.builtin.theme(named: "midnight").theme.adapted(to: .monochrome)
        for role in ThemeRole.allCases {
            #expect(theme[role].foreground == nil && theme[role].background == nil)
        }
        #expect(theme[.selection].attributes.contains(.reverse))
        #expect(theme[.error].attributes.contains(.bold))
    }
}

import Foundation
