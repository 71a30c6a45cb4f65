import Accessor
import Foundation

/// Everything that can happen: the user's intents (from the keymap) and the results the
/// effect runner reports back.
public enum Action: Sendable, Equatable {
    // Intents.
    case selectPrevious
    case selectNext
    case pageUp
    case pageDown
    case selectFirst
    case selectLast
    case confirm
    case cancel
    case typeText(String)
    case deleteBackward
    case deleteForward
    case deleteWordBackward
    case moveCursor(Int)
    case moveCursorToStart
    case moveCursorToEnd
    case insertNewline
    case focusNext
    case focusPrevious
    case focus(Pane)
    case togglePassage
    case toggleExpanded
    case openSelectedPassage
    case copyFocused
    case switchTenant
    case newConversation
    case signOut
    case toggleHelp
    case toggleZoom
    case nextTheme(String)
    case quit

    // Results.
    case signInProgressed(SignInProgress)
    case signedIn(UserIdentity)
    case signInFailed(Failure)
    case exchangeStepCompleted(ExchangeStep, tenantID: String)
    case exchangeSucceeded(tenantID: String, expiresAt: Date)
    case exchangeFailed(ExchangeStep, Failure, tenantID: String)
    case passagesArrived(page: [Passage], isLast: Bool, query: QueryID)
    case searchFailed(Failure, query: QueryID)
    case tick(Date)
    /// A one-line report for the status bar (a copy done, a browser that did not open).
    case noticed(String)
}

/// Work for the effect runner. Values, so tests can check what `update` asked for.
public enum Effect: Sendable, Equatable {
    case signIn(SignInMethod)
    case cancelSignIn
    case signOut
    /// Runs the TTI exchange for the signed-in user and this tenant.
    case exchange(Tenant)
    /// Drops every cached credential of the current user, or of every user.
    case discardCredentials
    case search(PassageQuery, id: QueryID)
    case cancelSearch(QueryID)
    case openURL(String)
    case copyToClipboard(String, what: String)
    case rememberTenant(String)
    case quit
}
