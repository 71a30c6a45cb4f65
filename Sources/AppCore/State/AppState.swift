import Accessor
import Assistant
import Foundation
import History

/// Everything the screen shows, and nothing else: views are functions of this value.
public struct AppState: Sendable, Equatable {
    public enum Screen: Sendable, Equatable {
        case signIn
        case tenantPicker
        case main
        /// Past conversations: browse, resume, delete.
        case history
    }

    public var screen: Screen = .signIn
    public var signIn: SignInState
    /// Who is signed in; nil before sign-in and after sign-out.
    public var user: UserIdentity?
    public var tenantPicker: TenantPickerState
    /// The tenant in use, once its exchange succeeded.
    public var tenant: Tenant?
    /// When the identity-aware credentials for `tenant` expire (they renew by themselves).
    public var credentialsExpiry: Date?
    /// Auth-code tenants: who is signed in at each one's Identity Center (for the header).
    public var identityCenterUsers: [String: String] = [:]
    /// Auth-code tenants with no Identity Center sign-in yet: choosing one runs it (the picker marks them).
    public var identityCenterSignInNeeded: Set<String> = []
    public var conversation = Conversation()
    public var passages = PassagesState()
    public var prompt: PromptState
    public var history = HistoryBrowserState()
    public var input = InputLine()
    public var focus: Pane = .input
    public var zoomed = false
    public var showsHelp = false
    /// The flow view and presenter mode.
    public var flow = FlowState()
    public var themeName: String
    /// A short-lived line in the status bar ("Copied the prompt").
    public var notice: String?
    /// Passages per page and pages per question (`[search]`).
    public var pageSize = 25
    public var maxPages = 4
    /// The model named in the status bar; nil when none is configured.
    public var modelName: String?
    /// Why the typed question could not be sent (a filter error), shown under the input.
    public var inputError: String?
    /// A search to run again once the exchange renewed expired credentials.
    public var retryAfterExchange: PendingSearch?
    /// Set by the first Ctrl+C/Esc on an idle screen; a second one quits.
    public var quitArmed = false
    /// The user quit: the program stops once the runner has cancelled what was in flight.
    public var hasQuit = false
    /// Whether the terminal reports the mouse to qseek (F2 turns it off for text selection).
    public var capturesMouse = true
    /// Over SSH, an Identity Center sign-in says which port to forward.
    public var remoteSession = RemoteSession()
    public var now: Date
    private(set) var nextQueryNumber = 1

    public init(
        tenants: [Tenant],
        signInOptions: SignInOptions,
        promptTemplate: PromptTemplate = .standard,
        budgetTokens: Int = 6000,
        themeName: String = "midnight",
        lastTenantID: String? = nil,
        now: Date = Date()
    ) {
        self.signIn = SignInState(options: signInOptions)
        self.tenantPicker = TenantPickerState(configured: tenants, lastChosenID: lastTenantID)
        self.prompt = PromptState(assembler: PromptAssembler(template: promptTemplate, budgetTokens: budgetTokens))
        self.themeName = themeName
        self.now = now
    }

    /// Allocates the id of the next search.
    mutating func makeQueryID() -> QueryID {
        defer { nextQueryNumber += 1 }
        return QueryID(rawValue: nextQueryNumber)
    }
}

/// The panes of the main screen, in focus order.
public enum Pane: String, Sendable, Equatable, CaseIterable {
    case chat, passages, prompt, input
}

/// Identifies one search, so late results of a cancelled one are dropped.
public struct QueryID: RawRepresentable, Sendable, Hashable {
    public var rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
}

/// Who is signed in, as the ID token says (never the token itself).
public struct UserIdentity: Sendable, Equatable {
    public var subject: String
    public var email: String?
    public var name: String?
    /// The tenant ids the IdP lists for this user (`tenant_claim`), if it lists any.
    public var tenantIDs: [String]?

    public init(subject: String, email: String? = nil, name: String? = nil, tenantIDs: [String]? = nil) {
        self.subject = subject
        self.email = email
        self.name = name
        self.tenantIDs = tenantIDs
    }

    public var displayName: String { email ?? name ?? subject }
}

/// A search waiting to be sent again.
public struct PendingSearch: Sendable, Equatable {
    public var query: PassageQuery
    public var id: QueryID
}

extension AppState {
    /// Whose history the current conversation belongs to; nil before a tenant is chosen.
    public var historyOwner: HistoryOwner? {
        guard let user, let tenant else { return nil }
        return HistoryOwner(user: user.subject, tenant: tenant.id)
    }
}
