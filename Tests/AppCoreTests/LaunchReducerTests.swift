import Accessor
import Testing
@testable import AppCore

@Suite("Launch: the first frame first, then the saved sign-in and the IdP's flows, in the background")
struct LaunchReducerTests {
    let ana = UserIdentity(subject: "u-ana", email: "ana@acme.example", name: "Ana")

    @Test("Launching checks for a saved sign-in, saying so on the sign-in screen")
    func launchChecks() {
        var state = AppState.fresh()
        #expect(update(&state, .launched) == [.checkSavedSignIn])
        #expect(state.signIn.phase == .checkingSavedSignIn)
        #expect(update(&state, .confirm).isEmpty, "Enter waits for the check")
    }

    @Test("A saved sign-in goes straight to the tenant picker")
    func savedSignIn() {
        var state = AppState.fresh()
        _ = update(&state, .launched)
        _ = update(&state, .savedSignInChecked(ana))
        #expect(state.user == ana)
        #expect(state.screen == .tenantPicker)
        #expect(state.signIn.phase == .idle)
    }

    @Test("Without one, the sign-in choices appear")
    func noSavedSignIn() {
        var state = AppState.fresh()
        _ = update(&state, .launched)
        _ = update(&state, .savedSignInChecked(nil))
        #expect(state.screen == .signIn)
        #expect(state.signIn.phase == .idle)
        #expect(update(&state, .confirm) == [.signIn(.demoUser("ana@acme.example"))])
    }

    @Test("Esc skips the check, and a late answer no longer signs in")
    func skip() {
        var state = AppState.fresh()
        _ = update(&state, .launched)
        #expect(update(&state, .cancel) == [.cancelSignIn])
        #expect(state.signIn.phase == .idle)
        #expect(state.signIn.error == nil)
        _ = update(&state, .savedSignInChecked(ana))
        #expect(state.user == nil)
        #expect(state.screen == .signIn)
    }

    @Test("The device flow is offered once discovery says the IdP has it, and withdrawn if not")
    func deviceFlow() {
        var state = AppState.fresh()
        _ = update(&state, .deviceFlowChecked(false))
        #expect(!state.signIn.choices.contains(.device))
        _ = update(&state, .selectLast)
        _ = update(&state, .deviceFlowChecked(true))
        #expect(state.signIn.choices.last == .device)
        state.signIn.selection = state.signIn.choices.count - 1
        _ = update(&state, .deviceFlowChecked(false))
        #expect(state.signIn.selection == state.signIn.choices.count - 1, "the selection stays on a real choice")
    }

    @Test("Launching when already signed in (a resumed session) asks for nothing")
    func alreadySignedIn() {
        var state = AppState.signedIn()
        #expect(update(&state, .launched).isEmpty)
    }
}
