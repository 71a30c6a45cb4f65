import AWS
import Accessor
import Foundation
import Testing
@testable import AppCore

@Suite("The journey as a sequence of actions")
struct JourneyReducerTests {
    @Test("Sign in as a demo user, pick a tenant, watch the exchange, ask, and get passages and a prompt")
    func wholeJourney() {
        var state = AppState.fresh()
        #expect(state.screen == .signIn)
        #expect(state.signIn.choices.first == .demoUser("ana@acme.example"))

        #expect(update(&state, .confirm) == [.signIn(.demoUser("ana@acme.example"))])
        #expect(state.signIn.phase == .signingIn)

        _ = update(&state, .signedIn(UserIdentity(subject: "u-ana", email: "ana@acme.example")))
        #expect(state.screen == .tenantPicker)
        #expect(state.tenantPicker.available == [.acme, .globex])

        #expect(update(&state, .confirm) == [.exchange(.acme)])
        _ = update(&state, .stepDone(.assumeRole, tenantID: Tenant.acme.id))
        #expect(state.tenantPicker.exchange?.current == .exchangeToken)
        _ = update(&state, .stepDone(.exchangeToken, tenantID: Tenant.acme.id))
        _ = update(&state, .stepDone(.assumeIdentityAwareRole, tenantID: Tenant.acme.id))
        let expiry = AppState.epoch.addingTimeInterval(900)
        #expect(update(&state, .exchangeSucceeded(tenantID: Tenant.acme.id, expiresAt: expiry)) == [.rememberTenant(Tenant.acme.id)])
        #expect(state.screen == .main)
        #expect(state.tenant == .acme)
        #expect(state.credentialsExpiry == expiry)

        let effects = state.ask("travel policy @category=hr")
        let id = try! #require(effects.searchID)
        #expect(effects.searchQuery?.text == "travel policy")
        #expect(effects.searchQuery?.filter == .equalsTo(DocumentAttribute(name: "_category", value: .string("hr"))))
        #expect(state.passages.isSearching)
        #expect(state.input.text.isEmpty)

        _ = update(&state, .passagesArrived(page: [.sample(1), .sample(2)], isLast: false, query: id))
        #expect(state.passages.items.count == 2)
        #expect(state.prompt.assembled?.included == [1, 2])
        _ = update(&state, .passagesArrived(page: [.sample(1, title: "Page two first")], isLast: true, query: id))
        #expect(state.passages.items.map(\.rank) == [1, 2, 3])
        #expect(state.passages.items[2].title == "Page two first")
        #expect(!state.passages.isSearching)
        #expect(state.conversation.current?.status == .retrieved(count: 3))
        #expect(state.prompt.assembled?.text.contains("[3] Page two first") == true)
    }

    @Test("A new question cancels the search in flight and starts clean")
    func newQuestionCancelsTheSearchInFlight() {
        var state = AppState.signedIn()
        let first = state.ask("vacation policy")
        _ = update(&state, .passagesArrived(page: [.sample(1)], isLast: false, query: first.searchID!))
        let second = state.ask("expense policy")
        #expect(second.contains(.cancelSearch(first.searchID!)))
        #expect(second.searchID != first.searchID)
        #expect(state.passages.items.isEmpty)
        #expect(state.conversation.turns.first?.status == .cancelled)

        // Late pages of the first search are dropped.
        _ = update(&state, .passagesArrived(page: [.sample(9)], isLast: true, query: first.searchID!))
        #expect(state.passages.items.isEmpty)
    }

    @Test("Switching tenant clears passages, prompt and credentials of the other")
    func switchingTenantClearsEverything() {
        var state = AppState.signedIn(tenant: .acme)
        let search = state.ask("roadmap")
        _ = update(&state, .passagesArrived(page: [.sample(1)], isLast: false, query: search.searchID!))
        #expect(state.prompt.assembled != nil)

        _ = update(&state, .switchTenant)
        #expect(state.screen == .tenantPicker)
        state.tenantPicker.selection = state.tenantPicker.available.firstIndex(of: .globex)!
        let effects = update(&state, .confirm)
        #expect(effects == [.cancelSearch(search.searchID!), .discardCredentials, .exchange(.globex)])
        #expect(state.passages.items.isEmpty)
        #expect(state.prompt.assembled == nil)
        #expect(state.conversation.turns.isEmpty)
        #expect(state.tenant == nil)
        #expect(state.credentialsExpiry == nil)
    }

    @Test("ExpiredToken mid-session re-runs the exchange and retries the search once")
    func expiredCredentialsRetryOnce() {
        var state = AppState.signedIn()
        let id = state.ask("roadmap").searchID!
        let expired = AccessorError.credentialsExpired

        #expect(update(&state, .searchFailed(expired, query: id)) == [.exchange(.acme)])
        #expect(state.passages.isSearching)
        let renewed = AppState.epoch.addingTimeInterval(1800)
        let retry = update(&state, .exchangeSucceeded(tenantID: Tenant.acme.id, expiresAt: renewed))
        #expect(retry.searchID == id)
        #expect(retry.searchQuery?.text == "roadmap")
        #expect(state.credentialsExpiry == renewed)

        // A second expiry for the same question is shown, not retried forever.
        #expect(update(&state, .searchFailed(expired, query: id)).isEmpty)
        #expect(!state.passages.isSearching)
        #expect(state.passages.error == expired.userMessage)
    }

    @Test("Tenants are limited to those the ID token's tenant claim lists")
    func tenantClaimFilters() {
        var state = AppState.fresh()
        _ = update(&state, .signedIn(UserIdentity(subject: "u", tenantIDs: [Tenant.globex.id])))
        #expect(state.tenantPicker.available == [.globex])
    }

    @Test("Typing in the tenant picker filters by name or id")
    func tenantFilter() {
        var state = AppState.fresh()
        _ = update(&state, .signedIn(UserIdentity(subject: "u")))
        _ = update(&state, .typeText("glo"))
        #expect(state.tenantPicker.visible == [.globex])
        _ = update(&state, .typeText("zzz"))
        #expect(state.tenantPicker.visible.isEmpty)
        #expect(update(&state, .confirm).isEmpty)
    }

    @Test("A failed exchange names its step and lets the user pick again")
    func exchangeFailure() {
        var state = AppState.fresh()
        _ = update(&state, .signedIn(UserIdentity(subject: "u")))
        _ = update(&state, .confirm)
        _ = update(&state, .stepDone(.assumeRole, tenantID: Tenant.acme.id))
        let refused = AccessorError.exchange(step: .exchangeToken, cause: .aws(AWSError(service: "sso-oauth", code: "invalid_grant",
                                                                                        message: "The ID token was refused.")))
        _ = update(&state, .exchangeFailed(refused, tenantID: Tenant.acme.id))
        #expect(state.tenantPicker.exchange?.failure == ExchangeFailure(step: .exchangeToken, message: refused.cause?.userMessage ?? ""))
        #expect(state.screen == .tenantPicker)
        #expect(update(&state, .confirm) == [.exchange(.acme)])
    }

    @Test("A filter error is shown under the input and nothing is sent")
    func filterError() {
        var state = AppState.signedIn()
        #expect(state.ask("x @after=2024-99-01").isEmpty)
        #expect(state.inputError?.contains("@after=2024-99-01") == true)
        #expect(state.input.text == "x @after=2024-99-01")
    }

    @Test("Space excludes the selected passage from the prompt and back")
    func togglePassage() {
        var state = AppState.signedIn()
        let id = state.ask("q").searchID!
        _ = update(&state, .passagesArrived(page: [.sample(1), .sample(2)], isLast: true, query: id))
        _ = update(&state, .focus(.passages))
        _ = update(&state, .selectNext)
        _ = update(&state, .togglePassage)
        #expect(state.prompt.assembled?.included == [1])
        #expect(state.prompt.assembled?.excluded == [2])
        _ = update(&state, .togglePassage)
        #expect(state.prompt.assembled?.included == [1, 2])
    }

    @Test("Ctrl+C cancels a running search; on an idle screen the second one quits")
    func cancelThenQuit() {
        var state = AppState.signedIn()
        let id = state.ask("q").searchID!
        #expect(update(&state, .cancel) == [.cancelSearch(id)])
        #expect(state.conversation.current?.status == .cancelled)
        #expect(update(&state, .cancel).isEmpty)
        #expect(state.quitArmed)
        #expect(update(&state, .cancel) == [.quit])
    }

    @Test("Signing out forgets the user, the tenant and what was retrieved")
    func signOut() {
        var state = AppState.signedIn()
        let id = state.ask("q").searchID!
        let effects = update(&state, .signOut)
        #expect(effects == [.cancelSearch(id), .discardCredentials, .signOut])
        #expect(state.screen == .signIn)
        #expect(state.user == nil && state.tenant == nil)
        #expect(state.passages.items.isEmpty && state.conversation.turns.isEmpty)
    }

    @Test("Update is pure: the same state and action give the same result")
    func purity() {
        let start = AppState.signedIn()
        var first = start
        var second = start
        #expect(first.ask("travel") == second.ask("travel"))
        #expect(first == second)
    }
}
