import Accessor

/// What the app does first, once its first frame is on screen: the saved sign-in and the
/// IdP's discovery are checked in the background, so launching never waits on the network.
func launch(_ state: inout AppState) -> [Effect] {
    guard state.screen == .signIn, state.user == nil else { return [] }
    state.signIn.phase = .checkingSavedSignIn
    return [.checkSavedSignIn]
}

func updateSignIn(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .selectPrevious where !state.signIn.isBusy:
        state.signIn.selection = max(0, state.signIn.selection - 1)
    case .selectNext where !state.signIn.isBusy:
        state.signIn.selection = min(state.signIn.choices.count - 1, state.signIn.selection + 1)
    case .confirm where !state.signIn.isBusy:
        let choices = state.signIn.choices
        guard choices.indices.contains(state.signIn.selection) else { return [] }
        state.signIn.phase = .signingIn
        state.signIn.error = nil
        return [.signIn(choices[state.signIn.selection])]
    case .cancel where state.signIn.phase == .checkingSavedSignIn:
        state.signIn.phase = .idle
        return [.cancelSignIn]
    case .cancel where state.signIn.isBusy:
        state.signIn.phase = .idle
        state.signIn.error = "Sign-in cancelled."
        return [.cancelSignIn]
    case .cancel:
        return armOrQuit(&state)
    case .savedSignInChecked(let user?) where state.signIn.phase == .checkingSavedSignIn:
        return updateSignIn(&state, .signedIn(user))
    case .savedSignInChecked where state.signIn.phase == .checkingSavedSignIn:
        state.signIn.phase = .idle
    case .signInProgressed(.openedBrowser(let url)):
        state.signIn.phase = .waitingForBrowser(url: url)
    case .signInProgressed(.showDeviceCode(let code, let url)):
        state.signIn.phase = .waitingForDevice(userCode: code, verificationURL: url)
    case .signInFailed(let error):
        state.signIn.phase = .idle
        state.signIn.error = error == .cancelled ? "Sign-in cancelled." : error.userMessage
    case .signedIn(let user):
        state.signIn.phase = .idle
        state.signIn.error = nil
        state.user = user
        openTenantPicker(&state)
    default:
        break
    }
    return []
}

/// Shows the tenants this user may use, with the last choice preselected.
func openTenantPicker(_ state: inout AppState) {
    var picker = state.tenantPicker
    picker.available = Tenant.available(picker.configured, claimedIDs: state.user?.tenantIDs)
    picker.filter = ""
    picker.exchange = nil
    picker.selection = picker.available.firstIndex { $0.id == (state.tenant?.id ?? picker.lastChosenID) } ?? 0
    state.tenantPicker = picker
    state.screen = .tenantPicker
}
