import AppCore
import AppUI
import Foundation
import SandboxTestSupport
import Terminal
import Testing
@testable import LiveServices

/// The TUI as `qseek` starts it, minus the terminal: `TUISetup` builds the first state and the
/// live services from a real config, and the pilot drives them against the sandbox.
@Suite("The TUI from a real config, on its live services", .serialized)
struct TUISetupTests {
    /// Builds the environment and the TUI's setup, runs `body`, and shuts the environment's
    /// HTTP client down however `body` ends.
    static func withTUI(_ setup: SandboxSetup, extra: [String: String] = [:],
                        _ body: (TUISetup) async throws -> Void) async throws {
        let environment = try setup.appEnvironment()
        do {
            try await body(try TUISetup(environment: environment, processEnvironment: setup.environment.merging(extra) { $1 }))
        } catch {
            await environment.shutdown()
            throw error
        }
        await environment.shutdown()
    }

    @Test func theFirstStateComesFromTheConfigAndTheSession() async throws {
        try await SandboxSetup.run { setup in
            try await Self.withTUI(setup, extra: ["SSH_CONNECTION": "10.0.0.2 52100 10.0.0.1 22"]) { tui in
                #expect(tui.state.screen == .signIn)
                #expect(tui.state.tenantPicker.configured.map(\.id) == ["T0100ACME", "T0200NWND", "T0300GLBX"])
                #expect(tui.state.identityCenterSignInNeeded == ["T0300GLBX"], "the auth-code tenant has no Identity Center sign-in yet")
                #expect(tui.state.remoteSession.isOverSSH)
                #expect(tui.state.modelName != nil, "the sandbox config names a model")
                #expect(tui.historyProblem == nil)
            }
            try await Self.withTUI(setup) { #expect($0.state.remoteSession.isOverSSH == false) }
        }
    }

    @Test func aPilotSignsInConnectsAndFindsPassagesThroughTheLiveServices() async throws {
        try await SandboxSetup.run { setup in
            try await Self.withTUI(setup) { try await Self.signInConnectAndSearch($0) }
        }
    }

    @MainActor
    static func signInConnectAndSearch(_ tui: TUISetup) async throws {
        let pilot = Pilot(size: Size(width: 120, height: 40), state: tui.state, services: tui.services)
        await pilot.start()
        #expect(pilot.screen.contains("Sign in as"))
        await pilot.press(.enter)  // the first demo user: the sandbox approves demo users with no browser
        #expect(await pilot.waitUntil { $0.screen == .tenantPicker })
        let user = try #require(pilot.state.user?.email)
        await pilot.press(.enter)  // the first tenant this user may use: the real TTI exchange
        #expect(await pilot.waitUntil { $0.screen == .main })
        #expect(pilot.state.tenant != nil)
        await pilot.type("incident response")
        await pilot.press(.enter)
        #expect(await pilot.waitUntil { !$0.passages.items.isEmpty && !$0.passages.isSearching })
        #expect(pilot.screen.contains(user))
    }
}
