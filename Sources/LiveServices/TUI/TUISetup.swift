import Accessor
import AppCore
import Assistant
import History

/// Everything the TUI starts from except the terminal and the themes: the first `AppState`
/// (tenants, sign-in choices, the last tenant, who is signed in at which Identity Center, the
/// SSH session) and the live services behind it. Built here, not in the executable, so a test
/// can start the app from a real config without a terminal.
public struct TUISetup: Sendable {
    public var state: AppState
    public var services: AppServices
    /// Why the conversation history could not be opened, when it could not: the TUI runs
    /// without one and says so.
    public var historyProblem: String?

    /// `presenter` opens the flow view with each exchange step waiting for Space (`demo --presenter`);
    /// `suggestedQuestions` (by demo user) are listed on the sign-in screen.
    public init(environment: AppEnvironment, processEnvironment: [String: String], presenter: Bool = false,
                suggestedQuestions: [String: String] = [:]) throws(CommandFailure) {
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
        for tenant in environment.tenants where tenant.usesIdentityCenterSignIn {
            if let session = environment.identityCenterSessions.session(for: tenant) {
                state.identityCenterUsers[tenant.id] = session.user
            } else {
                state.identityCenterSignInNeeded.insert(tenant.id)
            }
        }
        state.pageSize = config.search.maxResults
        state.maxPages = config.search.maxPages
        state.capturesMouse = config.ui.mouse
        state.remoteSession = RemoteSession(environment: processEnvironment)
        state.flow.presenter = presenter
        let model = try ConfiguredModel.backend(for: environment)
        state.modelName = model?.modelName
        // A history that cannot be opened must not keep the TUI from starting.
        var history: HistoryStore?
        do {
            history = try HistoryStore.opened(for: config, environment: processEnvironment)
        } catch {
            historyProblem = error.message + " Conversations are not kept in this session."
        }
        self.state = state
        self.services = AppServices(identity: IdPSignIn(environment: environment), gateway: TenantAccess(environment: environment),
                                    system: Desktop(stateDirectory: stateDirectory), model: model, history: history)
    }
}
