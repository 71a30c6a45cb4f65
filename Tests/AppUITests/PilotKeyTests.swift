import Accessor
import AppCore
import AppUI
import Assistant
import Foundation
import History
import Terminal
import Testing

/// Every key of the keymap, pressed in the app as it runs.
@MainActor
@Suite("Pilot: every key does what its help says")
struct PilotKeyTests {
    func connected(_ fakes: FakeServices = FakeServices(), size: Size = Size(width: 120, height: 40),
                   model: (any ModelBackend)? = nil) async -> Pilot {
        let pilot = Pilot(size: size, state: PilotFixtures.state(modelName: model?.modelName), services: fakes.services(model: model))
        await pilot.signInAndConnect()
        return pilot
    }

    @Test func f1AndQuestionMarkOpenTheHelpAndEscapeClosesIt() async {
        let pilot = await connected()
        await pilot.press(.function(1))
        #expect(pilot.state.showsHelp)
        #expect(pilot.screen.contains("Keys"))
        #expect(pilot.screen.contains("switch tenant"))
        await pilot.press(.escape)
        #expect(!pilot.state.showsHelp)
        await pilot.press(.tab)
        await pilot.type("?")
        #expect(pilot.state.showsHelp)
        await pilot.press(.function(1))
        #expect(!pilot.state.showsHelp)
    }

    @Test func tabAndShiftTabCycleTheFocusAndAClickFocusesAPane() async {
        let pilot = await connected()
        #expect(pilot.state.focus == .input)
        await pilot.press(.tab)
        #expect(pilot.state.focus == .chat)
        await pilot.press(.tab)
        #expect(pilot.state.focus == .passages)
        await pilot.press(.tab, .shift)
        #expect(pilot.state.focus == .chat)
        let passagesRow = pilot.backend.lines.firstIndex { $0.contains("Passages") } ?? 0
        let column = pilot.backend.lines[passagesRow].range(of: "Passages").map { pilot.backend.lines[passagesRow].distance(from: pilot.backend.lines[passagesRow].startIndex, to: $0.lowerBound) } ?? 0
        await pilot.click(x: column + 2, y: passagesRow + 2)
        #expect(pilot.state.focus == .passages)
    }

    @Test func listKeysMoveTheSelectionAndSpaceTakesAPassageOutOfThePrompt() async {
        let pilot = await connected()
        await pilot.ask("incident response")
        await pilot.press(.tab)
        await pilot.press(.tab)
        #expect(pilot.state.focus == .passages)
        #expect(pilot.state.passages.selection == 0)
        await pilot.press(.down)
        #expect(pilot.state.passages.selection == 1)
        await pilot.type("j")
        #expect(pilot.state.passages.selection == 2)
        await pilot.type("k")
        #expect(pilot.state.passages.selection == 1)
        await pilot.type("g")
        #expect(pilot.state.passages.selection == 0)
        await pilot.type("G")
        #expect(pilot.state.passages.selection == 2)
        await pilot.press(.home)
        #expect(pilot.state.passages.selection == 0)
        await pilot.press(.end)
        #expect(pilot.state.passages.selection == 2)
        await pilot.press(.pageUp)
        #expect(pilot.state.passages.selection == 0)
        await pilot.scroll(up: false)
        #expect(pilot.state.passages.selection == 1)
        await pilot.type(" ")
        #expect(pilot.state.passages.excluded.contains(2))
        #expect(pilot.state.prompt.assembled?.included.contains(2) == false)
        await pilot.press(.enter)
        #expect(pilot.state.passages.expanded == 2)
    }

    @Test func oOpensThePassageLinkAndYCopiesItThroughTheTerminalWithoutControls() async {
        let fakes = FakeServices(passages: ["T0123ACME": ["u-ana": [
            Passage(rank: 1, documentID: "d", title: "Hostile", uri: "https://wiki.acme.example/h",
                    content: "run this\u{1B}[201~; rm -rf ~\u{07}\tdone", confidence: .high),
        ]]])
        let pilot = await connected(fakes)
        await pilot.ask("anything")
        await pilot.press(.tab)
        await pilot.press(.tab)
        await pilot.type("o")
        #expect(fakes.record.withLock { $0.openedURLs } == ["https://wiki.acme.example/h"])
        await pilot.type("y")
        #expect(pilot.backend.clipboard == ["run this[201~; rm -rf ~\tdone"])
        #expect(pilot.screen.contains("Copied passage [1] to the clipboard"))
    }

    @Test func aVeryLongCopyIsCutAndSaysSo() async {
        let fakes = FakeServices(passages: ["T0123ACME": ["u-ana": [
            Passage(rank: 1, documentID: "d", title: "Long", uri: nil, content: String(repeating: "é", count: 80_000), confidence: .high),
        ]]])
        let pilot = await connected(fakes)
        await pilot.ask("anything")
        await pilot.press(.tab)
        await pilot.press(.tab)
        await pilot.type("y")
        #expect(pilot.backend.clipboard.first?.utf8.count == TextSanitizer.clipboardByteLimit)
        #expect(pilot.state.notice?.contains("first part") == true)
    }

    @Test func cCyclesCitationsXExportsAndZZoomsInTheChat() async {
        let fakes = FakeServices()
        let pilot = await connected(fakes, model: FakeModel())
        await pilot.ask("incident response")
        await pilot.press(.tab)
        #expect(pilot.state.focus == .chat)
        await pilot.type("c")
        #expect(pilot.state.passages.selection == 0)
        #expect(pilot.state.conversation.selectedCitation == 1)
        await pilot.type("x")
        #expect(fakes.record.withLock { $0.exports.count } == 1)
        #expect(fakes.record.withLock { $0.exports.first?.contains("Page the on-call engineer [1].") } == true)
        await pilot.type("z")
        #expect(pilot.state.zoomed)
        await pilot.type("z")
        #expect(!pilot.state.zoomed)
    }

    @Test func tCyclesThemesLive() async {
        let pilot = await connected()
        await pilot.press(.tab)
        let before = pilot.state.themeName
        await pilot.type("t")
        #expect(pilot.state.themeName != before)
        #expect(pilot.program.keymap.themeNames.contains(pilot.state.themeName))
    }

    @Test func theQuestionLineEditsWithItsKeys() async {
        let pilot = await connected()
        await pilot.type("travel polcyy")
        await pilot.press(.backspace)
        await pilot.press(.left)
        await pilot.press(.left)
        await pilot.type("i")
        #expect(pilot.state.input.text == "travel policy")
        await pilot.press(control: "a")
        await pilot.press(.delete)
        #expect(pilot.state.input.text == "ravel policy")
        await pilot.press(control: "e")
        await pilot.press(control: "w")
        #expect(pilot.state.input.text == "ravel ")
        await pilot.press(.home)
        await pilot.press(.end)
        await pilot.press(control: "j")
        await pilot.type("rules")
        #expect(pilot.state.input.text == "ravel \nrules")
        await pilot.paste("pasted")
        #expect(pilot.state.input.text == "ravel \nrulespasted")
    }

    @Test func ctrlNStartsANewConversation() async {
        let pilot = await connected()
        await pilot.ask("incident response")
        #expect(pilot.state.conversation.turns.count == 1)
        await pilot.press(control: "n")
        #expect(pilot.state.conversation.turns.isEmpty)
        #expect(pilot.state.passages.items.isEmpty)
    }

    @Test func f2TurnsMouseCaptureOffAndOnThroughTheTerminal() async {
        let pilot = await connected()
        #expect(pilot.backend.capturesMouse)
        await pilot.press(.function(2))
        #expect(!pilot.state.capturesMouse)
        #expect(!pilot.backend.capturesMouse)
        await pilot.press(.function(2))
        #expect(pilot.backend.capturesMouse)
    }

    @Test func ctrlLRedrawsTheWholeScreen() async {
        let pilot = await connected()
        let frames = pilot.backend.frameCount
        let before = pilot.screen
        await pilot.press(control: "l")
        #expect(pilot.backend.frameCount > frames, "Ctrl+L draws although nothing changed")
        #expect(pilot.backend.cellsChangedByLastFrame > 1000, "every drawn cell is sent again")
        #expect(pilot.screen == before)
    }

    @Test func theTenantPickerFiltersAsYouType() async {
        let pilot = Pilot(state: PilotFixtures.state(), services: FakeServices().services())
        await pilot.start()
        await pilot.press(.enter)
        await pilot.type("glo")
        #expect(pilot.state.tenantPicker.visible.map(\.id) == ["T0456GLOBEX"])
        await pilot.press(.backspace)
        await pilot.press(.backspace)
        await pilot.press(.backspace)
        await pilot.press(.down)
        await pilot.press(.up)
        await pilot.press(.enter)
        #expect(pilot.state.tenant?.id == "T0123ACME")
    }

    @Test func f3BrowsesResumesAndDeletesPastConversations() async {
        let past = ConversationSummary(id: "c1", title: "What is the travel policy?", turnCount: 1,
                                       createdAt: PilotFixtures.now, updatedAt: PilotFixtures.now)
        let turn = HistoryTurn(question: "What is the travel policy?", answer: "Book early [1].", model: "m", askedAt: PilotFixtures.now,
                               answeredAt: PilotFixtures.now, citations: [HistoryCitation(number: 1, documentID: "d", title: "Travel", uri: nil)])
        let other = ConversationSummary(id: "c2", title: "Expenses", turnCount: 1, createdAt: PilotFixtures.now, updatedAt: PilotFixtures.now)
        let fakes = FakeServices(stored: [past, other], storedTurns: [turn])
        let pilot = await connected(fakes)
        await pilot.press(.function(3))
        #expect(pilot.state.screen == .history)
        #expect(pilot.screen.contains("What is the travel policy?"))
        await pilot.type("j")
        await pilot.type("d")
        #expect(fakes.record.withLock { $0.removed } == ["c2"])
        #expect(!pilot.screen.contains("Expenses"))
        await pilot.press(.enter)
        #expect(pilot.state.screen == .main)
        #expect(pilot.state.conversation.historyKey == "c1")
        #expect(pilot.screen.contains("Book early [1]."))
        await pilot.press(.function(3))
        await pilot.press(.escape)
        #expect(pilot.state.screen == .main)
    }
}
