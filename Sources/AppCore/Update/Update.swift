import Accessor
import Foundation

/// The whole behaviour of the app: given the state and what happened, the next state and
/// the work to do. Pure: same input, same output; nothing here does I/O.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    if action.isIntent {
        state.notice = nil
        if action != .cancel { state.quitArmed = false }
    }
    let flowShown = state.flow.isShown
    let flowEffects = recordFlow(&state, action)
    if flowShown, action.isIntent {
        if let handled = updateFlow(&state, action) { return flowEffects + handled }
    }
    return flowEffects + dispatch(&state, action)
}

private func dispatch(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .launched:
        return launch(&state)
    case .tick(let now):
        state.now = now
        return []
    case .noticed(let text):
        state.notice = text
        return []
    case .quit:
        state.hasQuit = true
        return [.quit]
    case .toggleMouseCapture:
        state.capturesMouse.toggle()
        state.notice = state.capturesMouse ? "Mouse capture on." : "Mouse capture off: select text with the mouse."
        return [.setMouseCapture(state.capturesMouse)]
    case .redraw:
        return [.redraw]
    case .toggleHelp:
        state.showsHelp.toggle()
        return []
    case .toggleFlow:
        state.flow.isShown.toggle()
        state.flow.selection = state.flow.waitingIndex ?? max(0, state.flow.entries.count - 1)
        return []
    case .nextTheme(let name):
        state.themeName = name
        return []
    case .signOut:
        return signOut(&state)
    case .deviceFlowChecked(let offered):
        state.signIn.options.offersDevice = offered
        state.signIn.selection = min(state.signIn.selection, state.signIn.choices.count - 1)
        return []
    case .answerEvent, .answerEnded, .answerFailed:
        // Wherever the user is looking (e.g. the tenant picker), the answer keeps arriving.
        return receiveAnswer(&state, action)
    case .identityCenterSignInStarted(let tenantID, let url):
        if state.tenantPicker.exchange?.tenantID == tenantID {
            state.tenantPicker.exchange?.signInURL = url
        } else if state.tenant?.id == tenantID {
            let forwarding = state.tenant.flatMap(state.remoteSession.portForwarding(for:)).map { " " + $0.sentence } ?? ""
            state.notice = "Sign in again at the tenant's Identity Center, in the browser: \(url)\(forwarding)"
        }
        return []
    case .identityCenterSignedIn(let tenantID, let user):
        state.identityCenterUsers[tenantID] = user
        state.identityCenterSignInNeeded.remove(tenantID)
        state.tenantPicker.exchange?.signInURL = nil
        return []
    case .cancel where state.showsHelp:
        state.showsHelp = false
        return []
    case .confirm where state.showsHelp:
        state.showsHelp = false
        return []
    default:
        break
    }
    switch state.screen {
    case .signIn: return updateSignIn(&state, action)
    case .tenantPicker: return updateTenantPicker(&state, action)
    case .main: return updateMain(&state, action)
    case .history: return updateHistory(&state, action)
    }
}

/// Ctrl+C / Esc with nothing to cancel: the first arms, the second quits.
func armOrQuit(_ state: inout AppState) -> [Effect] {
    if state.quitArmed {
        state.hasQuit = true
        return [.quit]
    }
    state.quitArmed = true
    state.notice = "Press Ctrl+C again to quit."
    return []
}

/// Forgets the user and everything seen under their identity.
func signOut(_ state: inout AppState) -> [Effect] {
    var effects: [Effect] = []
    if let id = state.passages.queryID, state.passages.isSearching { effects.append(.cancelSearch(id)) }
    effects += stopAnswer(&state)
    if state.signIn.isBusy { effects.append(.cancelSignIn) }
    effects += [.discardCredentials, .signOut]
    clearTenantData(&state)
    state.user = nil
    // Signing out forgets the Identity Center sign-ins too (IdPSignIn.signOut).
    state.identityCenterSignInNeeded.formUnion(state.identityCenterUsers.keys)
    state.identityCenterUsers = [:]
    state.tenant = nil
    state.credentialsExpiry = nil
    state.tenantPicker.available = []
    state.tenantPicker.exchange = nil
    state.tenantPicker.filter = ""
    state.signIn.phase = .idle
    state.signIn.error = nil
    state.screen = .signIn
    state.notice = "Signed out."
    return effects
}

/// Clears what belongs to one (user, tenant): conversation, passages, prompt.
func clearTenantData(_ state: inout AppState) {
    state.conversation = Conversation()
    state.passages = PassagesState()
    state.prompt.assembled = nil
    state.prompt.scrollOffset = 0
    state.prompt.assembler.forgetCosts()
    state.retryAfterExchange = nil
    state.input.clear()
    state.inputError = nil
}

extension Action {
    /// Whether the user did this (as opposed to a service reporting back).
    var isIntent: Bool {
        switch self {
        case .launched, .savedSignInChecked, .deviceFlowChecked, .signInProgressed, .signedIn, .signInFailed, .exchangeStepEnded,
             .exchangeStepPending, .flowRecorded, .exchangeSucceeded, .identityCenterSignInStarted, .identityCenterSignedIn,
             .exchangeFailed, .passagesArrived, .searchFailed, .tick, .noticed, .answerEvent, .answerEnded, .answerFailed,
             .historyListed, .historyFailed, .conversationLoaded:
            return false
        default:
            return true
        }
    }
}
