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
        let config = environment.config
        let template = try PromptTemplate.configured(config, configPath: environment.configPath)
        let stateDirectory = LastTenant.directory(environment: processEnvironment)
        var state = AppState(
            tenants: environment.tenants,
            signInOptions: SignInOptions(issuer: config.identity.issuer, clientID: config.identity.clientID,
                                         offersDevice: false, demoUsers: config.identity.demoUsers,
                                         suggestedQuestions: suggestedQuestions),
            promptTemplate: template,
            budgetTokens: config.prompt.budgetTokens,
            themeName: config.ui.theme,
            lastTenantID: LastTenant(directory: stateDirectory).load()
        )
        state.identityCenterSignInNeeded = Set(environment.tenants.filter {
            $0.usesIdentityCenterSignIn && environment.identityCenterSessions.session(for: $0) == nil
        }.map(\.id))
        for tenant in environment.tenants where tenant.usesIdentityCenterSignIn {
            if let session = environment.identityCenterSessions.session(for: tenant) { state.identityCenterUsers[tenant.id] = session.user }
        }
        state.pageSize = config.search.maxResults
        state.maxPages = config.search.maxPages
        state.capturesMouse = config.ui.mouse
        state.remoteSession = RemoteSession(environment: processEnvironment)
        state.flow.presenter = presenter
        let model = try ConfiguredModel.backend(for: environment)
        // A history that cannot be opened must not keep the TUI from starting: it runs without one and says why.
        var history: HistoryStore?
        var historyProblem: String?
        do {
            history = try HistoryStore.opened(for: config, environment: processEnvironment)
        } catch {
            historyProblem = error.message + " Conversations are not kept in this session."
        }
        state.modelName = model?.modelName

        let catalog = await themes.value
        let services = AppServices(identity: IdPSignIn(environment: environment), gateway: TenantAccess(environment: environment),
                                   system: Desktop(stateDirectory: stateDirectory), model: model, history: history)
        let backend: CursesBackend
        do {
            backend = try CursesBackend(environment: processEnvironment, mouse: config.ui.mouse)
        } catch {
            throw .usage(error.userMessage)
        }
        let program = Program(state: state, backend: backend, catalog: catalog, services: services, logger: environment.logger)
        if let historyProblem {
            program.post(.noticed(historyProblem))
        }
        await program.run()
        if let historyProblem {
            FileHandle.standardError.write(Data("warning: \(historyProblem.sanitizedForTerminal)\n".utf8))
        }
        for problem in catalog.problems {
            FileHandle.standardError.write(Data("warning: \(problem.description.sanitizedForTerminal)\n".utf8))
        }
    }
}
