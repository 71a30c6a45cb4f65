import Accessor
import Assistant
import Foundation
import History
import OIDC

/// Sign-in at the ISV's IdP, as the app needs it.
public protocol IdentityService: Sendable {
    /// Signs in, reporting a browser URL or device code on the way.
    func signIn(_ method: SignInMethod, progress: @escaping @Sendable (SignInProgress) -> Void) async throws(OIDCError) -> UserIdentity
    /// Forgets the sign-in (and revokes where the IdP supports it).
    func signOut() async
    /// The user of a saved sign-in that is still valid (or could be refreshed); nil when there is none.
    func resumeSavedSignIn() async -> UserIdentity?
    /// Whether the IdP offers the device flow (its discovery document names the endpoint).
    func offersDeviceFlow() async -> Bool
}

/// The data accessor's view of one tenant: the TTI exchange and passage search.
public protocol TenantGateway: Sendable {
    /// Runs the exchange for the signed-in user, reporting each step as it ends, and returns
    /// when the identity-aware credentials expire.
    func exchange(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void) async throws(AccessorError) -> Date
    /// The pages of one search, lazily; ends early when the consumer stops (cancellation).
    /// The stream's error is an `AccessorError`.
    func pages(of query: PassageQuery) -> AsyncThrowingStream<[Passage], any Error>
    /// Drops every cached credential (tenant switch, sign-out).
    func discardCredentials() async
    /// The exchange as the TUI runs it: `gate` is awaited before each step is sent (presenter
    /// mode holds a step there); an auth-code tenant with no usable sign-in signs in at its
    /// Identity Center first (`signInURL` hears the URL the browser was sent to). Returns when
    /// the credentials expire and who signed in at the Identity Center (nil for TTI tenants).
    func exchange(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void,
                  gate: @escaping @Sendable (PendingExchangeStep) async -> Void,
                  signInURL: @escaping @Sendable (String) -> Void) async throws(AccessorError) -> (expiresAt: Date, identityCenterUser: String?)
    /// The endpoint host (with its port, if any) a party answers at in `region`, for the flow view.
    func endpointHost(for party: FlowParty, region: String) -> String?
}

extension TenantGateway {
    /// A gateway that can neither hold its steps nor sign in at an Identity Center runs the
    /// plain exchange.
    public func exchange(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void,
                         gate: @escaping @Sendable (PendingExchangeStep) async -> Void,
                         signInURL: @escaping @Sendable (String) -> Void) async throws(AccessorError) -> (expiresAt: Date, identityCenterUser: String?) {
        (try await exchange(for: tenant, observe: observe), nil)
    }

    public func endpointHost(for party: FlowParty, region: String) -> String? { nil }
}

/// The desktop around the terminal: the browser, remembered choices, exported files.
public protocol SystemServices: Sendable {
    func open(_ url: String) async throws(DesktopError)
    func rememberTenant(_ id: String) async
    /// Writes an exported conversation and returns where it went.
    func export(_ markdown: String, suggestedName: String) async throws(DesktopError) -> String
}

/// What only the terminal can do. Effects reach it through the runner like any other
/// service, so `update` stays the only place state changes.
public protocol TerminalService: Sendable {
    /// Puts text on the clipboard through the terminal (OSC 52), without control characters
    /// and capped in size; true when it had to be shortened.
    func copyToClipboard(_ text: String) async -> Bool
    /// Mouse reporting on, or off so the terminal's own text selection works.
    func setMouseCapture(_ enabled: Bool) async
    /// Forgets what is on screen and draws everything again (Ctrl+L).
    func redraw() async
}

/// Why the desktop could not do what was asked.
public enum DesktopError: Error, Sendable, Equatable {
    /// Only http and https links are opened.
    case notAWebLink(String)
    case noBrowser(url: String)
    case cannotWrite(path: String)

    public var userMessage: String {
        switch self {
        case .notAWebLink(let url): return "Not opening \(url): only http and https links are opened."
        case .noBrowser(let url): return "No browser could be opened here; the link is \(url)."
        case .cannotWrite(let path): return "Could not write \(path); is the directory writable?"
        }
    }
}

/// Past conversations (`[history]`): the SQLite store, or a test's own.
public protocol HistoryService: Sendable {
    func record(_ turn: HistoryTurn, conversation: String, owner: HistoryOwner) async throws(HistoryError)
    func list(owner: HistoryOwner) async throws(HistoryError) -> [ConversationSummary]
    /// The turns of a conversation, oldest first; nil when it is no longer there.
    func turns(of conversation: String, owner: HistoryOwner) async throws(HistoryError) -> [HistoryTurn]?
    func remove(_ conversation: String, owner: HistoryOwner) async throws(HistoryError)
}

/// The store is the service: its calls are short and serialised on GRDB's own queue.
extension HistoryStore: HistoryService {
    public func turns(of conversation: String, owner: HistoryOwner) async throws(HistoryError) -> [HistoryTurn]? {
        try self.conversation(conversation, owner: owner)?.turns
    }

    public func remove(_ conversation: String, owner: HistoryOwner) async throws(HistoryError) {
        _ = try delete(conversation, owner: owner)
    }
}

/// Everything the effect runner calls besides the terminal: built from the config by the
/// executable, from fakes by tests.
public struct AppServices: Sendable {
    public var identity: any IdentityService
    public var gateway: any TenantGateway
    public var system: any SystemServices
    /// The configured model; nil when `[model] provider = "none"`.
    public var model: (any ModelBackend)?
    /// Nil when the history could not be opened (the app runs without one).
    public var history: (any HistoryService)?

    public init(identity: any IdentityService, gateway: any TenantGateway, system: any SystemServices,
                model: (any ModelBackend)? = nil, history: (any HistoryService)? = nil) {
        self.identity = identity
        self.gateway = gateway
        self.system = system
        self.model = model
        self.history = history
    }
}
