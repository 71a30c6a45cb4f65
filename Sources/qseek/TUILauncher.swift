import Accessor
import AppCore
import AppUI
import Assistant
import Foundation
import History
import LiveServices
import Terminal

/// Starts the TUI for an environment (a real config, or the demo's sandbox).
enum TUILauncher {
    @MainActor
    /// `presenter` opens the flow view with each exchange step waiting for Space (`demo --presenter`).
    /// `suggestedQuestions` (by demo user) are listed on the sign-in screen.
    static func run(_ environment: AppEnvironment, presenter: Bool = false,
                    suggestedQuestions: [String: String] = [:]) async throws(CommandFailure) {
        let processEnvironment = ProcessInfo.processInfo.environment
        // The themes (TOML, built in and the user's) are read on another core while the rest starts.
        let themes = Task.detached { ThemeCatalog.load(userDirectory: ThemeCatalog.userDirectory(environment: processEnvironment)) }
        let setup = try TUISetup(environment: environment, processEnvironment: processEnvironment, presenter: presenter,
                                 suggestedQuestions: suggestedQuestions)
        let catalog = await themes.value
        let backend: CursesBackend
        do {
            backend = try CursesBackend(environment: processEnvironment, mouse: environment.config.ui.mouse)
        } catch {
            throw .usage(error.userMessage)
        }
        let program = Program(state: setup.state, backend: backend, catalog: catalog, services: setup.services, logger: environment.logger)
        if let historyProblem = setup.historyProblem {
            program.post(.noticed(historyProblem))
        }
        await program.run()
        if let historyProblem = setup.historyProblem {
            StandardStreams.err("warning: \(historyProblem.sanitizedForTerminal)\n")
        }
        for problem in catalog.problems {
            StandardStreams.err("warning: \(problem.description.sanitizedForTerminal)\n")
        }
    }
}
