import Accessor
import AppCore
import AppUI
import Assistant
import Foundation
import Terminal
import Testing

/// The whole app driven as a user would, with no terminal: keys in, screen out.
@MainActor
@Suite("Pilot: the journey from sign-in to a cited answer")
struct PilotJourneyTests {
    @Test func signingInConnectingAndAskingShowsPassagesPromptAndACitedAnswer() async {
        let fakes = FakeServices()
        let pilot = Pilot(size: Size(width: 120, height: 40), state: PilotFixtures.state(modelName: "fake-model"),
                          services: fakes.services(model: FakeModel()))
        await pilot.start()
        #expect(pilot.screen.contains("Sign in as ana@acme.example"))
        await pilot.press(.enter)
        #expect(pilot.state.screen == .tenantPicker)
        #expect(pilot.screen.contains("Acme Cloud"))
        await pilot.press(.enter)
        #expect(pilot.state.screen == .main)
        #expect(fakes.record.withLock { $0.exchanges } == ["T0123ACME"])
        #expect(pilot.screen.contains("ana@acme.example"))

        await pilot.ask("incident response")
        #expect(fakes.record.withLock { $0.searches } == ["T0123ACME: incident response"])
        #expect(pilot.state.passages.items.map(\.title) == ["Incident response step 1", "Incident response step 2", "Incident response step 3"])
        #expect(pilot.screen.contains("Incident response step 1"))
        #expect(pilot.state.conversation.current?.answer == "Page the on-call engineer [1].")
        #expect(pilot.screen.contains("Page the on-call engineer [1]."))
        #expect(fakes.record.withLock { $0.recordedTurns.map(\.question) } == ["incident response"])
    }

    @Test func escapeStopsASearchInFlightAndItsResultsNeverArrive() async {
        let fakes = FakeServices(holdsSearches: true)
        let pilot = Pilot(state: PilotFixtures.state(), services: fakes.services(), parkedTasks: fakes.parkedTasks)
        await pilot.signInAndConnect()
        await pilot.ask("incident response")
        #expect(pilot.state.passages.isSearching)
        #expect(fakes.record.withLock { $0.parked } == 1)
        await pilot.press(.escape)
        #expect(!pilot.state.passages.isSearching)
        #expect(await pilot.waitUntil { _ in fakes.record.withLock { $0.cancelled } == 1 })
        await pilot.settle()
        #expect(pilot.state.passages.items.isEmpty)
        #expect(await pilot.program.effects.tasksInFlight == 0)
    }

    @Test func ctrlCStopsAnAnswerMidwayAndKeepsWhatWasWritten() async {
        let fakes = FakeServices()
        let model = FakeModel(holds: true, services: fakes)
        let pilot = Pilot(size: Size(width: 120, height: 40), state: PilotFixtures.state(modelName: "fake-model"),
                          services: fakes.services(model: model), parkedTasks: fakes.parkedTasks)
        await pilot.signInAndConnect()
        await pilot.ask("incident response")
        // The fake parks right after it yields its first word, which may still be on its way
        // to the program when the pilot sees every task parked: wait for the word itself.
        #expect(await pilot.waitUntil { $0.conversation.current?.answer == "Page " })
        #expect(pilot.state.conversation.current?.answerStatus.isStreaming == true)
        await pilot.press(control: "c")
        #expect(pilot.state.conversation.current?.answerStatus == .stopped)
        #expect(await pilot.waitUntil { _ in fakes.record.withLock { $0.cancelled } == 1 })
        await pilot.settle()
        #expect(pilot.state.conversation.current?.answer == "Page ")
        #expect(pilot.state.passages.items.count == 3, "the passages stay")
        #expect(fakes.record.withLock { $0.recordedTurns.map(\.wasStopped) } == [true])
    }

    @Test func signingOutAndInAsAnotherUserForgetsThePassagesAndCredentials() async {
        let fakes = FakeServices()
        let pilot = Pilot(state: PilotFixtures.state(), services: fakes.services())
        await pilot.signInAndConnect()
        await pilot.ask("incident response")
        #expect(pilot.state.passages.items.count == 3)
        await pilot.press(control: "o")
        #expect(pilot.state.screen == .signIn)
        #expect(pilot.state.user == nil)
        #expect(pilot.state.passages.items.isEmpty)
        #expect(pilot.state.conversation.turns.isEmpty)
        #expect(fakes.record.withLock { ($0.discards, $0.signOuts) } == (1, 1))
        #expect(!pilot.screen.contains("Incident response"))

        await pilot.press(.down)
        await pilot.press(.enter)
        #expect(pilot.state.user?.subject == "u-bob")
        await pilot.press(.enter)
        await pilot.ask("incident response")
        #expect(pilot.state.passages.items.map(\.documentID) == ["sales-1"])
    }

    @Test func switchingTenantForgetsThePreviousTenantsPassagesAndCredentials() async {
        let fakes = FakeServices()
        let pilot = Pilot(state: PilotFixtures.state(), services: fakes.services())
        await pilot.signInAndConnect()
        await pilot.ask("travel")
        #expect(pilot.state.passages.items.count == 3)
        await pilot.press(control: "t")
        #expect(pilot.state.screen == .tenantPicker)
        await pilot.press(.down)
        await pilot.press(.enter)
        #expect(pilot.state.tenant?.id == "T0456GLOBEX")
        #expect(pilot.state.passages.items.isEmpty)
        #expect(pilot.state.conversation.turns.isEmpty)
        #expect(fakes.record.withLock { $0.discards } >= 1)
        #expect(fakes.record.withLock { $0.exchanges } == ["T0123ACME", "T0456GLOBEX"])
        await pilot.ask("travel")
        #expect(pilot.state.passages.items.map(\.documentID) == ["gx-1"])
        #expect(!pilot.screen.contains("Incident response"))
    }

    @Test func theScreenFollowsAResizeDownToTwentyByFiveAndBack() async {
        let fakes = FakeServices()
        let pilot = Pilot(size: Size(width: 120, height: 40), state: PilotFixtures.state(), services: fakes.services())
        await pilot.signInAndConnect()
        await pilot.ask("incident response")
        #expect(pilot.backend.lines.count == 40)
        await pilot.resize(to: Size(width: 80, height: 24))
        #expect(pilot.backend.lines.count == 24)
        #expect(pilot.backend.lines.allSatisfy { DisplayWidth.of($0) == 80 })
        #expect(pilot.screen.contains("Chat"), "below 100 columns the panes are tabs")
        await pilot.resize(to: Size(width: 20, height: 5))
        #expect(pilot.backend.lines.count == 5)
        await pilot.resize(to: Size(width: 120, height: 40))
        #expect(pilot.screen.contains("Incident response step 1"))
    }

    @Test func theCredentialCountdownMovesWithTheInjectedClock() async {
        let fakes = FakeServices()
        let pilot = Pilot(size: Size(width: 120, height: 40), state: PilotFixtures.state(), services: fakes.services())
        await pilot.signInAndConnect()
        #expect(pilot.screen.contains("credentials 15m00s"))
        await pilot.advance(by: 61)
        #expect(pilot.screen.contains("credentials 13m59s"))
    }

    @Test func twoCtrlCsOnAnIdleScreenQuit() async {
        let pilot = Pilot(state: PilotFixtures.state(), services: FakeServices().services())
        await pilot.signInAndConnect()
        await pilot.press(control: "c")
        #expect(!pilot.state.hasQuit)
        #expect(pilot.screen.contains("Press Ctrl+C again to quit."))
        await pilot.press(control: "c")
        #expect(pilot.state.hasQuit)
    }
}
