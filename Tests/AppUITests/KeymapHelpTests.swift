import Accessor
import AppCore
@testable import AppUI
import Foundation
import Terminal
import Testing

/// Help is drawn from the bindings, so it cannot drift from what the keys do.
@Suite("Keymap: every bound key has help, and help lists every bound key")
struct KeymapHelpTests {
    let keymap = Keymap(themeNames: ["midnight", "daylight"])

    /// One state per screen and focus.
    static var states: [(String, AppState)] {
        var states: [(String, AppState)] = [("sign-in", PilotFixtures.state())]
        var picker = PilotFixtures.state()
        _ = update(&picker, .signedIn(UserIdentity(subject: "u-ana", email: "ana@acme.example")))
        states.append(("tenant picker", picker))
        var main = picker
        _ = update(&main, .confirm)
        _ = update(&main, .exchangeSucceeded(tenantID: PilotFixtures.acme.id, expiresAt: PilotFixtures.now.addingTimeInterval(900)))
        for pane in Pane.allCases {
            var focused = main
            _ = update(&focused, .focus(pane))
            states.append(("main, \(pane)", focused))
        }
        var history = main
        _ = update(&history, .openHistory)
        states.append(("history", history))
        return states
    }

    /// Every key a terminal can send, with and without modifiers.
    static var presses: [KeyPress] {
        var keys: [Key] = [.enter, .tab, .backspace, .escape, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .insert, .delete]
        keys += (1...12).map { Key.function($0) }
        keys += (32...126).compactMap { UnicodeScalar($0).map { Key.character(Character($0)) } }
        let modifiers: [Modifiers] = [[], .shift, .control, .alt, [.control, .shift]]
        return keys.flatMap { key in modifiers.map { KeyPress(key, modifiers: $0) } }
    }

    @Test func everyBindingHasKeysAndHelpText() {
        for binding in keymap.bindings {
            #expect(!binding.keys.trimmingCharacters(in: .whitespaces).isEmpty, "a binding without keys: \(binding.help)")
            #expect(!binding.help.trimmingCharacters(in: .whitespaces).isEmpty, "\(binding.keys) is bound without help text")
            #expect(!binding.triggers.isEmpty, "\(binding.keys) binds no key")
        }
    }

    @Test func everyKeyThatDoesSomethingIsListedInTheHelpOfThatScreen() {
        for (name, state) in Self.states {
            let rows = HelpOverlay.rows(for: state, keymap: keymap)
            for press in Self.presses {
                guard keymap.action(for: .key(press), in: state, size: Size(width: 120, height: 40)) != nil else { continue }
                let binding = keymap.bindings(applyingTo: state).first { binding in
                    binding.triggers.contains { $0.pattern.matches(press) && $0.action(state, press) != nil }
                }
                guard let binding else {
                    Issue.record("\(press) does something on \(name) but no binding explains it")
                    continue
                }
                #expect(rows.contains(.binding(keys: binding.keys, help: binding.help)), "\(binding.keys) is missing from the help on \(name)")
            }
        }
    }

    @Test func theHelpOverlayShowsTheKeysOfTheScreenAndTheGlobalOnes() {
        let main = Self.states.first { $0.0 == "main, input" }!.1
        var state = main
        _ = update(&state, .toggleHelp)
        var canvas = Canvas(size: Size(width: 120, height: 40))
        AppView(state: state, theme: ThemeCatalog.builtin.theme(named: "monochrome").theme, keymap: keymap).draw(into: &canvas)
        let screen = MemoryBackend(size: canvas.size)
        screen.present(canvas)
        for expected in ["Question line", "send the question", "Everywhere", "mouse capture", "F3", "switch tenant", "Ctrl+J"] {
            #expect(screen.text.contains(expected), "help lacks \(expected)")
        }
    }

    @Test func theFooterComesFromTheBindingsOfTheFocusedPane() {
        let states = Dictionary(uniqueKeysWithValues: Self.states.map { ($0.0, $0.1) })
        let input = KeyHints.text(for: states["main, input"]!, keymap: keymap)
        #expect(input.hasPrefix("Enter ask · Tab panes"))
        #expect(input.contains("Ctrl+T tenant"))
        let chat = KeyHints.text(for: states["main, chat"]!, keymap: keymap)
        #expect(chat.contains("c citations") && chat.contains("x export"))
        let passages = KeyHints.text(for: states["main, passages"]!, keymap: keymap)
        #expect(passages.contains("Space in/out of prompt") && !passages.contains("c citations"))
    }
}
