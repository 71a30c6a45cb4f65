import Accessor

func updateTenantPicker(_ state: inout AppState, _ action: Action) -> [Effect] {
    let exchanging = state.tenantPicker.exchange.map { $0.failure == nil } ?? false
    switch action {
    case .selectPrevious where !exchanging:
        state.tenantPicker.selection = max(0, state.tenantPicker.selection - 1)
    case .selectNext where !exchanging:
        state.tenantPicker.selection = min(max(0, state.tenantPicker.visible.count - 1), state.tenantPicker.selection + 1)
    case .typeText(let text) where !exchanging:
        state.tenantPicker.filter += text
        state.tenantPicker.selection = 0
        state.tenantPicker.exchange = nil
    case .deleteBackward where !exchanging:
        if !state.tenantPicker.filter.isEmpty { state.tenantPicker.filter.removeLast() }
        state.tenantPicker.selection = 0
    case .confirm where !exchanging:
        guard let tenant = state.tenantPicker.selected else { return [] }
        var effects: [Effect] = []
        if let current = state.tenant, current.id != tenant.id {
            // Nothing of one tenant may be shown, or signed, under another.
            if let id = state.passages.queryID, state.passages.isSearching { effects.append(.cancelSearch(id)) }
            effects += stopAnswer(&state)
            clearTenantData(&state)
            state.tenant = nil
            state.credentialsExpiry = nil
            effects.append(.discardCredentials)
        }
        state.tenantPicker.exchange = ExchangeProgress(tenantID: tenant.id, steps: ExchangeStep.steps(for: tenant))
        return effects + [.exchange(tenant)]
    case .cancel where state.tenant != nil && !exchanging:
        state.screen = .main  // back to the tenant in use
    case .cancel:
        return armOrQuit(&state)
    case .exchangeStepEnded(let report) where state.tenantPicker.exchange?.tenantID == report.tenantID && report.failure == nil:
        if report.step == .redeemAuthorizationCode, let index = state.tenantPicker.exchange?.steps.firstIndex(of: .refreshIdentityCenterToken) {
            // A fresh Identity Center sign-in redeems its code instead of renewing.
            state.tenantPicker.exchange?.steps[index] = .redeemAuthorizationCode
        }
        state.tenantPicker.exchange?.completed.append(report.step)
    case .exchangeFailed(let error, let tenantID) where state.tenantPicker.exchange?.tenantID == tenantID:
        // The step list names the step; the message says why.
        state.tenantPicker.exchange?.failure = ExchangeFailure(step: error.failedStep, message: error.cause?.userMessage ?? error.screenMessage)
    case .exchangeSucceeded(let tenantID, let expiry) where state.tenantPicker.exchange?.tenantID == tenantID:
        guard let tenant = state.tenantPicker.available.first(where: { $0.id == tenantID }) else { return [] }
        state.tenant = tenant
        state.credentialsExpiry = expiry
        state.tenantPicker.lastChosenID = tenantID
        state.tenantPicker.exchange = nil
        state.screen = .main
        state.focus = .input
        return [.rememberTenant(tenantID)]
    default:
        break
    }
    return []
}

extension AccessorError {
    /// The step a failed exchange names: the one that failed, or the first when the exchange
    /// could not start (no sign-in, no endpoint).
    var failedStep: ExchangeStep {
        if case .exchange(let step, _) = self { return step }
        return .assumeRole
    }

    /// The error in words, with the way out where the screen offers one.
    var screenMessage: String {
        if case .signInRequired = self { return userMessage + " (Ctrl+O signs out.)" }
        if case .identityCenterSignInRequired = self { return userMessage }
        return userMessage
    }
}
