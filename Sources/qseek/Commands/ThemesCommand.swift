import AppUI
import ArgumentParser
import Foundation
import Terminal

struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the color themes, or preview one full screen.",
        subcommands: [List.self, Preview.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List built-in and user themes.")

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let catalog = ThemeCatalog.load(userDirectory: ThemeCatalog.userDirectory(environment: environment))
            let width = catalog.names.map(\.count).max() ?? 0
            for theme in catalog.themes {
                let padding = String(repeating: " ", count: width - theme.name.count)
                StandardStreams.out("\(theme.name)\(padding)  \(theme.description.sanitizedForTerminal)  (\(theme.origin.sanitizedForTerminal))\n")
            }
            for problem in catalog.problems {
                StandardStreams.err("warning: \(problem.description.sanitizedForTerminal)\n")
            }
        }
    }

    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "preview", abstract: "Show every role of a theme on sample content; q quits, t shows the next theme.")

        @Argument(help: "The theme to preview (see `qseek themes`).")
        var name: String = ThemeCatalog.defaultThemeName

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let catalog = ThemeCatalog.load(userDirectory: ThemeCatalog.userDirectory(environment: environment))
            for problem in catalog.problems {
                StandardStreams.err("warning: \(problem.description.sanitizedForTerminal)\n")
            }
            let (theme, problem) = catalog.theme(named: name)
            if let problem {
                StandardStreams.err("warning: \(String(describing: problem).sanitizedForTerminal)\n")
            }
            do {
                let backend = try CursesBackend(environment: environment, mouse: false)
                defer { backend.shutDown() }
                var screen = ThemePreviewProgram(catalog: catalog, theme: theme)
                screen.run(on: backend)
            } catch {
                throw ValidationError(error.userMessage)
            }
        }
    }
}
