import Accessor
import Foundation
import Testing
@testable import AppCore

/// Presenter mode's handshake is values: `update` asks the runner to hold or release a step,
/// and the flow record follows the exchange's own reports.
@Suite("Flow view and presenter mode in the update function")
struct FlowUpdateTests {
    static func pending(_ step: ExchangeStep) -> Action {
        .exchangeStepPending(PendingExchangeStep(step: step, tenantID: Tenant.acme.id,
                                                 detail: StepDetail(party: step == .exchangeToken ? .identityCenter : .sts,
                                                                    operation: step == .exchangeToken ? "CreateTokenWithIAM" : "AssumeRole")))
    }

    static func presenterAtPicker() -> AppState {
        var state = AppState.fresh()
        state.flow.presenter = true
        _ = update(&state, .signedIn(UserIdentity(subject: "u-ana", email: "ana@acme.example")))
        return state
    }

    @Test func signingInIsTheFlowsFirstStep() {
        let state = Self.presenterAtPicker()
        #expect(state.flow.entries.map(\.title) == ["Sign in at the ISV identity provider"])
        #expect(state.flow.entries[0].detail.party == .identityProvider)
        #expect(state.flow.entries[0].detail.host == "127.0.0.1:8080")
        #expect(state.flow.entries[0].detail.request.contains { $0.value.contains("login hint ana@acme.example") })
    }

    @Test func inPresenterModeChoosingATenantHoldsTheStepsBeforeTheExchangeStarts() {
        var state = Self.presenterAtPicker()
        let effects = update(&state, .confirm)
        #expect(effects == [.setStepThrough(true), .exchange(.acme)])
        #expect(state.flow.isShown && state.flow.stepsThrough)
    }

    @Test func withoutPresenterModeTheExchangeIsNotHeld() {
        var state = AppState.fresh()
        _ = update(&state, .signedIn(UserIdentity(subject: "u-ana")))
        #expect(update(&state, .confirm) == [.exchange(.acme)])
        #expect(!state.flow.isShown)
    }

    @Test func spaceReleasesTheWaitingStepAndItsReportCompletesTheSameEntry() {
        var state = Self.presenterAtPicker()
        _ = update(&state, .confirm)
        _ = update(&state, Self.pending(.assumeRole))
        #expect(state.flow.waitingIndex == 1)
        #expect(update(&state, .advanceFlow) == [.releaseExchangeStep])
        #expect(state.flow.entries[1].status == .sending)
        _ = update(&state, .stepDone(.assumeRole, tenantID: Tenant.acme.id))
        #expect(state.flow.entries.count == 2)
        #expect(state.flow.entries[1].status == .succeeded)
        #expect(state.flow.entries[1].detail.operation == "AssumeRole")
        #expect(update(&state, .advanceFlow) == [], "nothing waits now")
    }

    @Test func escapeRunsTheRestAndASecondEscapeClosesTheView() {
        var state = Self.presenterAtPicker()
        _ = update(&state, .confirm)
        _ = update(&state, Self.pending(.assumeRole))
        #expect(update(&state, .cancel) == [.setStepThrough(false)])
        #expect(!state.flow.stepsThrough && state.flow.isShown)
        #expect(!state.hasQuit && !state.quitArmed)
        #expect(update(&state, .cancel) == [])
        #expect(!state.flow.isShown)
    }

    @Test func aFailedStepKeepsItsCauseAndAFix() {
        var state = Self.presenterAtPicker()
        _ = update(&state, .confirm)
        _ = update(&state, Self.pending(.exchangeToken))
        let failure = ServiceFailure.transport(.readTimedOut(host: "oidc.us-east-1.amazonaws.com"))
        _ = update(&state, .exchangeStepEnded(ExchangeStepReport(step: .exchangeToken, tenantID: Tenant.acme.id,
                                                                  outcome: .failed(failure), latency: .milliseconds(5))))
        _ = update(&state, .exchangeFailed(.exchange(step: .exchangeToken, cause: failure), tenantID: Tenant.acme.id))
        let entry = state.flow.selected
        #expect(entry?.failure?.cause == failure.userMessage)
        #expect(entry?.failure?.fix.contains("Check the network") == true)
        #expect(state.flow.isShown)
    }

    @Test func theViewCoversTheScreenKeysBelowDoNothing() {
        var state = AppState.signedIn()
        _ = update(&state, .toggleFlow)
        #expect(state.flow.isShown)
        _ = update(&state, .typeText("x"))
        #expect(state.input.text.isEmpty)
        _ = update(&state, .toggleFlow)
        #expect(!state.flow.isShown)
    }
}
