import Accessor
import Foundation

/// Sign-in at the ISV's IdP, as the app needs it.
public protocol IdentityService: Sendable {
    /// Signs in, reporting a browser URL or device code on the way.
    func signIn(_ method: SignInMethod, progress: @escaping @Sendable (SignInProgress) -> Void) async throws(Failure) -> UserIdentity
    /// Forgets the sign-in (and revokes where the IdP supports it).
    func signOut() async
    /// The user of a saved sign-in that is still valid (or could be refreshed); nil when there is none.
    func resumeSavedSignIn() async -> UserIdentity?
    /// Whether the IdP offers the device flow (its discovery document names the endpoint).
    func offersDeviceFlow() async -> Bool
}

/// The data accessor's view of one tenant: the TTI exchange and passage search.
public protocol TenantGateway: Sendable {
    /// Runs the exchange for the signed-in user, reporting each completed step, and returns
    /// when the identity-aware credentials expire.
    func exchange(for tenant: Tenant, completed: @escaping @Sendable (ExchangeStep) -> Void) async throws(ExchangeError) -> Date
    /// The pages of one search, lazily; ends early when the consumer stops (cancellation).
    func pages(of query: PassageQuery) -> AsyncThrowingStream<[Passage], any Error>
    /// Drops every cached credential (tenant switch, sign-out).
    func discardCredentials() async
    /// Turns a search error into words (and says whether it means "credentials expired").
    func failure(describing error: any Error) -> Failure
}

/// The desktop around the terminal: browser, clipboard, remembered choices.
public protocol SystemServices: Sendable {
    func open(_ url: String) async throws(Failure)
    func copy(_ text: String) async throws(Failure)
    func rememberTenant(_ id: String) async
    /// Writes an exported conversation and returns where it went.
    func export(_ markdown: String, suggestedName: String) async throws(Failure) -> String
}

/// An exchange that stopped at `step`.
public struct ExchangeError: Error, Sendable, Equatable {
    public var step: ExchangeStep
    public var failure: Failure

    public init(step: ExchangeStep, failure: Failure) {
        self.step = step
        self.failure = failure
    }
}

/// Past conversations (`[history]`); with `mode = "off"` every call is a no-op.
public protocol HistoryService: Sendable {
    func record(_ turn: RecordedTurn, conversation: String, owner: HistoryOwnerKey) async throws(Failure)
    func list(owner: HistoryOwnerKey) async throws(Failure) -> [HistoryListing]
    func load(_ conversation: String, owner: HistoryOwnerKey) async throws(Failure) -> [RecordedTurn]
    func delete(_ conversation: String, owner: HistoryOwnerKey) async throws(Failure)
}
