import Foundation
import Terminal

/// Every theme qseek can use: the built-in ones (`themes/*.toml`, compiled in) and the
/// user's own from `$XDG_CONFIG_HOME/qseek/themes/`. A user theme with the same name as a
/// built-in one replaces it. Broken files are reported, never fatal.
public struct ThemeCatalog: Sendable {
    public private(set) var themes: [Theme]
    /// Files that could not be used, each with file, line and key.
    public private(set) var problems: [ThemeError]

    public static let defaultThemeName = "midnight"

    /// The built-in themes only.
    public static let builtin: ThemeCatalog = {
        var catalog = ThemeCatalog(themes: [], problems: [])
        for source in BuiltinThemes.files {
            catalog.add(text: source.text, file: "themes/\(source.name)", origin: "built-in")
        }
        return catalog
    }()

    init(themes: [Theme], problems: [ThemeError]) {
        self.themes = themes
        self.problems = problems
    }

    /// The built-in themes plus those in `directory` (skipped when it does not exist).
    public static func load(userDirectory directory: URL?) -> ThemeCatalog {
        var catalog = builtin
        guard let directory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return catalog }
        for name in names.sorted() where name.hasSuffix(".toml") {
            let url = directory.appendingPathComponent(name)
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                catalog.add(text: text, file: url.path, origin: url.path)
            } catch {
                catalog.problems.append(ThemeError(file: url.path, line: nil, key: nil, problem: .unreadable(error.localizedDescription)))
            }
        }
        return catalog
    }

    /// The user's theme directory per the XDG base directory spec.
    public static func userDirectory(environment: [String: String]) -> URL? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return URL(fileURLWithPath: config).appendingPathComponent("qseek/themes")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".config/qseek/themes")
    }

    mutating func add(text: String, file: String, origin: String) {
        do {
            let theme = try ThemeParser.parse(text, file: file, origin: origin)
            themes.removeAll { $0.name == theme.name }
            themes.append(theme)
        } catch {
            problems.append(error)
        }
    }

    public var names: [String] { themes.map(\.name) }

    /// The theme called `name`, or the default theme and the reason when there is none.
    public func theme(named name: String) -> (theme: Theme, problem: String?) {
        if let match = themes.first(where: { $0.name == name }) { return (match, nil) }
        let fallback = themes.first { $0.name == Self.defaultThemeName } ?? Theme(name: "plain", roles: [:])
        let known = names.joined(separator: ", ")
        return (fallback, "No theme named \"\(name.sanitizedForTerminal)\" (known: \(known)); using \(fallback.name).")
    }

    /// The theme after `name` in the list, for the live "next theme" key.
    public func theme(after name: String) -> Theme {
        guard let index = themes.firstIndex(where: { $0.name == name }) else { return theme(named: name).theme }
        return themes[(index + 1) % themes.count]
    }
}
