import Accessor
import Foundation

/// Keeps the flow view's record: every result that is a step of the flow becomes an entry.
/// Returns effects only for presenter mode's hold on the exchange.
func recordFlow(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .confirm where state.screen == .tenantPicker && state.flow.presenter && !state.showsHelp && !state.flow.isShown:
        // A new exchange in presenter mode: each of its steps waits for Space again.
        let exchanging = state.tenantPicker.exchange.map { $0.failure == nil } ?? false
        guard !exchanging, state.tenantPicker.selected != nil else { return [] }
        state.flow.stepsThrough = true
        state.flow.isShown = true
        return [.setStepThrough(true)]
    case .signedIn(let user):
        let method = state.signIn.choices.indices.contains(state.signIn.selection)
            ? state.signIn.choices[state.signIn.selection] : .browser
        state.flow.append(signInEntry(user: user, options: state.signIn.options, method: method, resumed: false))
    case .savedSignInChecked(let user?) where state.signIn.phase == .checkingSavedSignIn:
        state.flow.append(signInEntry(user: user, options: state.signIn.options, method: nil, resumed: true))
    case .exchangeStepPending(let pending):
        state.flow.append(FlowEntry(title: pending.step.flowTitle, detail: pending.detail, status: .waiting,
                                    exchangeStep: pending.step, tenantID: pending.tenantID))
        state.flow.isShown = true
    case .exchangeStepEnded(let report):
        record(report, in: &state.flow)
    case .flowRecorded(let entry):
        state.flow.append(entry)
    case .exchangeSucceeded, .exchangeFailed:
        state.flow.stepsThrough = false
    default:
        break
    }
    return []
}

/// Intents while the flow view is shown; nil lets the screen below have the action.
func updateFlow(_ state: inout AppState, _ action: Action) -> [Effect]? {
    guard !state.showsHelp else { return nil }
    var flow = state.flow
    defer { state.flow = flow }
    let last = max(0, flow.entries.count - 1)
    switch action {
    case .toggleFlow:
        flow.isShown = false
    case .toggleZoom:
        flow.isZoomed.toggle()
    case .advanceFlow, .togglePassage, .typeText(" "):
        guard let index = flow.waitingIndex else {
            state.notice = flow.presenter ? "No step is waiting: choose a tenant (Enter) to run the exchange." : "Space sends a step in presenter mode (qseek demo --presenter)."
            return []
        }
        flow.entries[index].status = .sending
        flow.selection = index
        return [.releaseExchangeStep]
    case .cancel where flow.stepsThrough:
        // Esc runs the rest of the exchange at once.
        flow.stepsThrough = false
        if let index = flow.waitingIndex { flow.entries[index].status = .sending }
        state.notice = "Running the remaining steps at once."
        return [.setStepThrough(false)]
    case .cancel:
        flow.isShown = false
    case .selectPrevious: flow.selection = max(0, flow.selection - 1)
    case .selectNext: flow.selection = min(last, flow.selection + 1)
    case .pageUp: flow.selection = max(0, flow.selection - 5)
    case .pageDown: flow.selection = min(last, flow.selection + 5)
    case .selectFirst: flow.selection = 0
    case .selectLast: flow.selection = last
    case .quit, .toggleHelp, .redraw, .signOut, .toggleMouseCapture, .nextTheme:
        return nil
    default:
        break  // the flow view has the keys: other keys do nothing under it, docked or not
    }
    return []
}

/// Fills the step's waiting entry with how it ended, or adds one (no presenter hold).
private func record(_ report: ExchangeStepReport, in flow: inout FlowState) {
    let status: FlowEntry.Status
    switch report.outcome {
    case .succeeded: status = .succeeded
    case .reused: status = .reused
    case .failed(let failure): status = .failed(cause: failure.userMessage, fix: FlowAdvice.fix(for: report.step, failure: failure))
    }
    let index = flow.entries.lastIndex { entry in
        entry.exchangeStep == report.step && entry.tenantID == report.tenantID && (entry.status == .waiting || entry.status == .sending)
    }
    let detail = report.detail ?? flow.entries[safe: index]?.detail
        ?? StepDetail(party: report.step.flowParty, operation: report.step.operation)
    let entry = FlowEntry(title: report.step.flowTitle, detail: detail, status: status,
                          latency: report.outcome == .reused ? nil : report.latency, exchangeStep: report.step, tenantID: report.tenantID)
    if let index {
        flow.entries[index] = entry
        flow.selection = index
    } else {
        flow.append(entry)
    }
}

private func signInEntry(user: UserIdentity, options: SignInOptions, method: SignInMethod?, resumed: Bool) -> FlowEntry {
    var request = [StepDetail.Field("Issuer", options.issuer), StepDetail.Field("Client ID", options.clientID)]
    switch method {
    case .demoUser(let hint): request.append(.init("Method", "authorization code + PKCE, login hint \(hint) (demo user)"))
    case .browser: request.append(.init("Method", "authorization code + PKCE in the browser"))
    case .device: request.append(.init("Method", "device authorization (code on another device)"))
    case nil: request.append(.init("Method", "the saved sign-in (token cache), refreshed if needed"))
    }
    var highlights = [StepDetail.Field("Subject (sub)", user.subject)]
    if let email = user.email { highlights.append(.init("Email", email)) }
    if let tenants = user.tenantIDs { highlights.append(.init("Tenant claim", tenants.joined(separator: ", "))) }
    highlights.append(.init("Yields", "an ID token (decoded at CreateTokenWithIAM, where it is the assertion)"))
    let host = URLComponents(string: options.issuer).flatMap { components in
        components.host.map { host in components.port.map { "\(host):\($0)" } ?? host }
    }
    return FlowEntry(title: resumed ? "Saved sign-in at the ISV identity provider" : "Sign in at the ISV identity provider",
                     detail: StepDetail(party: .identityProvider, operation: "OpenID Connect sign-in", host: host,
                                        request: request, highlights: highlights),
                     status: resumed ? .reused : .succeeded)
}

extension ExchangeStep {
    /// The step's name in the flow view.
    var flowTitle: String {
        switch self {
        case .assumeRole: return "AssumeRole with the tenant tag"
        case .exchangeToken: return "CreateTokenWithIAM: the ID token for an Identity Center token"
        case .redeemAuthorizationCode: return "CreateTokenWithIAM: the browser's authorization code for an Identity Center token"
        case .refreshIdentityCenterToken: return "CreateTokenWithIAM: the refresh token for a fresh Identity Center token"
        case .assumeIdentityAwareRole: return "AssumeRole with the identity context"
        }
    }

    var flowParty: FlowParty { operation == "CreateTokenWithIAM" ? .identityCenter : .sts }

    var operation: String {
        switch self {
        case .assumeRole, .assumeIdentityAwareRole: return "AssumeRole"
        case .exchangeToken, .redeemAuthorizationCode, .refreshIdentityCenterToken: return "CreateTokenWithIAM"
        }
    }
}

extension Array {
    subscript(safe index: Int?) -> Element? {
        guard let index, indices.contains(index) else { return nil }
        return self[index]
    }
}
