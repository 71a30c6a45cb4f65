import Accessor
import Assistant
import Foundation
import History
import OIDC

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
    /// Highlights the next `[n]` of the answer and selects that passage (chat pane).
    case nextCitation
    /// Writes the conversation as Markdown with its sources.
    case exportConversation
    /// Opens the history screen (F3).
    case openHistory
    /// Deletes the conversation selected on the history screen.
    case deleteSelected
    case switchTenant
    case newConversation
    case signOut
    case toggleHelp
    case toggleZoom
    case nextTheme(String)
    /// F2: mouse reporting off (the terminal's own selection works) or back on.
    case toggleMouseCapture
    /// Ctrl+L: draw the whole screen again.
    case redraw
    case quit
    /// F4: the flow view (the TTI exchange and every call of the session) on or off.
    case toggleFlow
    /// Space in the flow view (presenter mode): send the step waiting for it.
    case advanceFlow

    // Results.
    /// The first frame is up: look for a saved sign-in (and what the IdP offers).
    case launched
    /// The launch-time check of the saved sign-in: its user, or nil when there is none.
    case savedSignInChecked(UserIdentity?)
    /// The IdP's discovery document, read at launch, says whether it offers the device flow.
    case deviceFlowChecked(Bool)
    case signInProgressed(SignInProgress)
    case signedIn(UserIdentity)
    case signInFailed(OIDCError)
    /// A step of the exchange ended (sent and answered, failed, or reused from the cache).
    case exchangeStepEnded(ExchangeStepReport)
    /// Presenter mode: an exchange step is ready and waits for Space before it is sent.
    case exchangeStepPending(PendingExchangeStep)
    /// A call outside the exchange (a search page, the model) ended, as the runner recorded it.
    case flowRecorded(FlowEntry)
    case exchangeSucceeded(tenantID: String, expiresAt: Date)
    /// An auth-code tenant's exchange sent the user to its Identity Center (this URL).
    case identityCenterSignInStarted(tenantID: String, url: String)
    /// Who is signed in at an auth-code tenant's Identity Center.
    case identityCenterSignedIn(tenantID: String, user: String)
    case exchangeFailed(AccessorError, tenantID: String)
    case passagesArrived(page: [Passage], isLast: Bool, query: QueryID)
    case searchFailed(AccessorError, query: QueryID)
    /// Part of the answer to the turn of `query`.
    case answerEvent(ModelEvent, query: QueryID)
    /// The answer's stream ended normally after this many milliseconds.
    case answerEnded(latencyMilliseconds: Int, query: QueryID)
    case answerFailed(ModelError, query: QueryID)
    case historyListed([ConversationSummary])
    case historyFailed(HistoryError)
    /// A past conversation, loaded to be resumed.
    case conversationLoaded(id: String, turns: [HistoryTurn])
    case tick(Date)
    /// A one-line report for the status bar (a copy done, a browser that did not open).
    case noticed(String)
}

/// Work for the effect runner. Values, so tests can check what `update` asked for.
public enum Effect: Sendable, Equatable {
    /// Looks for a saved sign-in and asks the IdP which flows it offers (at launch).
    case checkSavedSignIn
    case signIn(SignInMethod)
    case cancelSignIn
    case signOut
    /// Runs the TTI exchange for the signed-in user and this tenant.
    case exchange(Tenant)
    /// Drops every cached credential of the current user, or of every user.
    case discardCredentials
    case search(PassageQuery, id: QueryID)
    case cancelSearch(QueryID)
    /// Asks the model; its events come back as `.answerEvent` for the turn of `id`.
    case ask(ModelRequest, id: QueryID)
    case cancelAnswer(QueryID)
    /// Writes an exported conversation (Markdown) to a file and reports where.
    case exportMarkdown(String, suggestedName: String)
    /// Appends a finished turn to conversation `conversation` in the history.
    case recordTurn(HistoryTurn, conversation: String, owner: HistoryOwner)
    case listHistory(HistoryOwner)
    case loadConversation(String, owner: HistoryOwner)
    case deleteConversation(String, owner: HistoryOwner)
    case openURL(String)
    /// Through the terminal (OSC 52); `what` names it in the notice ("the answer").
    case copyToClipboard(String, what: String)
    case setMouseCapture(Bool)
    case redraw
    case rememberTenant(String)
    /// Cancels everything in flight; the program stops once `state.hasQuit`.
    case quit
    /// Presenter mode: hold each exchange step until `.releaseExchangeStep` (true), or stop
    /// holding and let a waiting step go (false).
    case setStepThrough(Bool)
    /// Lets the exchange step that waits for the presenter be sent.
    case releaseExchangeStep
}
