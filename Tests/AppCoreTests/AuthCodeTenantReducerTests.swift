import Accessor
import Foundation
import Testing
@testable import AppCore

@Suite("Auth-code tenants in the app: the picker's steps, the sign-in URL, the Identity Center user")
struct AuthCodeTenantReducerTests {
    static let initech = Tenant(id: "T0789INITECH", name: "Initech", applicationID: String(repeating: "c", count: 36),
                                retrieverID: String(repeating: "t", count: 36), region: "us-east-1", idcRegion: "us-east-2",
                                idcApplicationARN: "arn:aws:sso::111122223333:application/ssoins-3/apl-initech",
                                authentication: .identityCenterAuthCode(redirectURI: "http://127.0.0.1:47311/callback"))

    static func pickerWithInitech() -> AppState {
        var state = AppState(tenants: [.acme, initech],
                             signInOptions: SignInOptions(issuer: "http://127.0.0.1:8080/idp", clientID: "qseek-demo", offersDevice: false),
                             now: AppState.epoch)
        state.identityCenterSignInNeeded = [initech.id]
        _ = update(&state, .signedIn(UserIdentity(subject: "u-ana", email: "ana@acme.example", name: "Ana")))
        state.tenantPicker.selection = state.tenantPicker.available.firstIndex(of: initech) ?? 0
        return state
    }

    static func report(_ step: ExchangeStep) -> Action {
        .exchangeStepEnded(ExchangeStepReport(step: step, tenantID: initech.id, outcome: .succeeded(credentialsExpiry: nil), latency: .zero))
    }

    @Test("Choosing an auth-code tenant lists its steps; a fresh sign-in's redeem step takes the renewal's place")
    func stepsOfAFreshSignIn() throws {
        var state = Self.pickerWithInitech()
        #expect(update(&state, .confirm) == [.exchange(Self.initech)])
        #expect(state.tenantPicker.exchange?.steps == [.assumeRole, .refreshIdentityCenterToken, .assumeIdentityAwareRole])
        _ = update(&state, .identityCenterSignInStarted(tenantID: Self.initech.id, url: "http://127.0.0.1:1/sso-oidc/authorize?x"))
        #expect(state.tenantPicker.exchange?.signInURL == "http://127.0.0.1:1/sso-oidc/authorize?x")
        _ = update(&state, Self.report(.assumeRole))
        _ = update(&state, Self.report(.redeemAuthorizationCode))
        #expect(state.tenantPicker.exchange?.steps == [.assumeRole, .redeemAuthorizationCode, .assumeIdentityAwareRole])
        #expect(state.tenantPicker.exchange?.current == .assumeIdentityAwareRole)
        _ = update(&state, .identityCenterSignedIn(tenantID: Self.initech.id, user: "ivan@initech.example"))
        #expect(!state.identityCenterSignInNeeded.contains(Self.initech.id))
        #expect(state.tenantPicker.exchange?.signInURL == nil)
        _ = update(&state, .exchangeSucceeded(tenantID: Self.initech.id, expiresAt: AppState.epoch.addingTimeInterval(900)))
        #expect(state.tenant == Self.initech)
        #expect(state.identityCenterUsers[Self.initech.id] == "ivan@initech.example")
    }

    @Test("A TTI tenant keeps its three TTI steps")
    func ttiSteps() {
        var state = Self.pickerWithInitech()
        state.tenantPicker.selection = state.tenantPicker.available.firstIndex(of: .acme) ?? 0
        _ = update(&state, .confirm)
        #expect(state.tenantPicker.exchange?.steps == ExchangeStep.trustedTokenIssuerSteps)
    }

    @Test("Signing out forgets the Identity Center users and marks their tenants as needing a sign-in again")
    func signOut() {
        var state = Self.pickerWithInitech()
        _ = update(&state, .identityCenterSignedIn(tenantID: Self.initech.id, user: "ivan@initech.example"))
        _ = update(&state, .signOut)
        #expect(state.identityCenterUsers.isEmpty)
        #expect(state.identityCenterSignInNeeded.contains(Self.initech.id))
    }
}
