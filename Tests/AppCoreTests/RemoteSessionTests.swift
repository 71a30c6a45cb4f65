import Accessor
import Testing
@testable import AppCore

@Suite("Over SSH, an auth-code sign-in names the port to forward")
struct RemoteSessionTests {
    static let initech = AuthCodeTenantReducerTests.initech

    @Test("sshd's variables mark the session as remote; an empty one does not")
    func detection() {
        #expect(RemoteSession(environment: ["SSH_CONNECTION": "10.0.0.2 52100 10.0.0.1 22"]).isOverSSH)
        #expect(RemoteSession(environment: ["SSH_TTY": "/dev/pts/3"]).isOverSSH)
        #expect(!RemoteSession(environment: ["SSH_CLIENT": ""]).isOverSSH)
        #expect(!RemoteSession(environment: ["TERM": "xterm"]).isOverSSH)
    }

    @Test("The hint forwards the redirect URI's port, and only for auth-code tenants over SSH")
    func hint() {
        #expect(Self.initech.callbackPort == 47311)
        let forwarding = RemoteSession(isOverSSH: true).portForwarding(for: Self.initech)
        #expect(forwarding?.command == "ssh -L 47311:127.0.0.1:47311 <this host>")
        #expect(RemoteSession(isOverSSH: false).portForwarding(for: Self.initech) == nil)
        #expect(RemoteSession(isOverSSH: true).portForwarding(for: .acme) == nil)
        var portless = Self.initech
        portless.authentication = .identityCenterAuthCode(redirectURI: "http://127.0.0.1/callback")
        #expect(portless.callbackPort == nil)
    }

    @Test("A sign-in again while chatting says it in the notice, with the forwarding")
    func renewalNotice() {
        var state = AuthCodeTenantReducerTests.pickerWithInitech()
        state.remoteSession = RemoteSession(isOverSSH: true)
        _ = update(&state, .confirm)
        _ = update(&state, .exchangeSucceeded(tenantID: Self.initech.id, expiresAt: AppState.epoch.addingTimeInterval(900)))
        _ = update(&state, .identityCenterSignInStarted(tenantID: Self.initech.id, url: "http://127.0.0.1:1/authorize"))
        #expect(state.notice?.contains("ssh -L 47311:127.0.0.1:47311") == true)
    }
}
