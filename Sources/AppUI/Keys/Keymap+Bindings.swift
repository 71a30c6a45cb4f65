import AppCore
import Terminal

/// The keys of UX.md, each with its help. Order matters within a context: the first
/// binding that gives an action wins.
extension Keymap {
    static let globalBindings: [KeyBinding] = [
        KeyBinding("F1", "this help", hint: "F1 help", in: .everywhere, [.key(.function(1))], .toggleHelp),
        KeyBinding("Esc, Ctrl+C", "cancel the search or answer; twice when idle quits", hint: "Ctrl+C cancel/quit", in: .everywhere,
                   [.exactly(.escape, []), .control("c")], .cancel),
        KeyBinding("Ctrl+L", "redraw the screen", in: .everywhere, [.control("l")], .redraw),
        KeyBinding("Ctrl+O", "sign out", in: .everywhere, .control("o")) { $0.user != nil ? .signOut : nil },
        KeyBinding("Ctrl+T", "switch tenant", hint: "Ctrl+T tenant", in: .everywhere, .control("t")) { $0.screen == .main && !$0.flow.isShown ? .switchTenant : nil },
        KeyBinding("Ctrl+N", "new conversation", hint: "Ctrl+N new", in: .everywhere, .control("n")) { $0.screen == .main && !$0.flow.isShown ? .newConversation : nil },
        KeyBinding("F2", "mouse capture off/on (off: select text)", in: .everywhere, [.key(.function(2))], .toggleMouseCapture),
        KeyBinding("F3", "history: Enter resumes, d deletes, Esc goes back", in: .everywhere, .key(.function(3))) {
            ($0.screen == .main || $0.screen == .history) && !$0.flow.isShown ? .openHistory : nil
        },
        KeyBinding("F4", "flow view: every step of the TTI exchange and each call, decoded", in: .everywhere,
                   [.key(.function(4))], .toggleFlow),
    ]

    static let flowBindings: [KeyBinding] = [
        KeyBinding("Space", "send the step that waits (presenter mode)", hint: "Space send step", in: .flow, .character(" ")) {
            $0.flow.waitingIndex != nil ? .advanceFlow : nil
        },
        KeyBinding("Esc", "run the remaining steps at once; else close the flow view", hint: "Esc run the rest", in: .flow,
                   .exactly(.escape, [])) { $0.flow.stepsThrough ? .cancel : nil },
        KeyBinding("↑ ↓ k j, Home End", "choose a step to see its fields and tokens", hint: "↑↓ step", in: .flow, triggers: [
            .init(pattern: .key(.up)) { _, _ in .selectPrevious }, .init(pattern: .character("k")) { _, _ in .selectPrevious },
            .init(pattern: .key(.down)) { _, _ in .selectNext }, .init(pattern: .character("j")) { _, _ in .selectNext },
            .init(pattern: .key(.home)) { _, _ in .selectFirst }, .init(pattern: .key(.end)) { _, _ in .selectLast },
        ]),
        KeyBinding("z", "zoom: the flow view alone, or docked beside the screen it explains", hint: "z zoom", in: .flow,
                   [.character("z")], .toggleZoom),
        KeyBinding("?", "this help", in: .flow, [.character("?")], .toggleHelp),
    ]

    static let signInBindings: [KeyBinding] = [
        KeyBinding("↑ ↓, k j", "choose how to sign in", hint: "↑↓ choose", in: .signIn, triggers: [
            .init(pattern: .key(.up)) { _, _ in .selectPrevious }, .init(pattern: .character("k")) { _, _ in .selectPrevious },
            .init(pattern: .key(.down)) { _, _ in .selectNext }, .init(pattern: .character("j")) { _, _ in .selectNext },
        ]),
        KeyBinding("Enter", "sign in", hint: "Enter sign in", in: .signIn, [.key(.enter)], .confirm),
        KeyBinding("?", "this help", in: .signIn, [.character("?")], .toggleHelp),
    ]

    static let tenantPickerBindings: [KeyBinding] = [
        KeyBinding("↑ ↓", "choose a tenant", hint: "↑↓ choose", in: .tenantPicker, triggers: [
            .init(pattern: .key(.up)) { _, _ in .selectPrevious }, .init(pattern: .key(.down)) { _, _ in .selectNext },
        ]),
        KeyBinding("Enter", "connect to the tenant (runs the exchange)", hint: "Enter connect", in: .tenantPicker, [.key(.enter)], .confirm),
        KeyBinding("Backspace", "delete from the filter", in: .tenantPicker, [.key(.backspace)], .deleteBackward),
        KeyBinding("letters", "filter the tenants", hint: "type to filter", in: .tenantPicker, triggers: [typing]),
    ]

    static let mainBindings: [KeyBinding] = [
        KeyBinding("Tab, Shift+Tab", "cycle focus between panes", hint: "Tab panes", in: .main, triggers: [
            .init(pattern: .exactly(.tab, [])) { _, _ in .focusNext }, .init(pattern: .exactly(.tab, .shift)) { _, _ in .focusPrevious },
        ]),
        KeyBinding("↑ ↓ PgUp PgDn", "move or scroll", in: .main, triggers: [
            .init(pattern: .key(.up)) { _, _ in .selectPrevious }, .init(pattern: .key(.down)) { _, _ in .selectNext },
            .init(pattern: .key(.pageUp)) { _, _ in .pageUp }, .init(pattern: .key(.pageDown)) { _, _ in .pageDown },
        ]),
    ]

    static let inputBindings: [KeyBinding] = [
        KeyBinding("Enter", "send the question (search, prompt, answer)", hint: "Enter ask", in: .input, [.key(.enter)], .confirm),
        KeyBinding("Ctrl+J", "newline in the question", in: .input, [.control("j")], .insertNewline),
        KeyBinding("Backspace, Del, Ctrl+W", "delete a character back or forward, or a word", in: .input, triggers: [
            .init(pattern: .key(.backspace)) { _, _ in .deleteBackward }, .init(pattern: .key(.delete)) { _, _ in .deleteForward },
            .init(pattern: .control("w")) { _, _ in .deleteWordBackward },
        ]),
        KeyBinding("← → Home End, Ctrl+A E", "move the cursor", in: .input, triggers: [
            .init(pattern: .key(.left)) { _, _ in .moveCursor(-1) }, .init(pattern: .key(.right)) { _, _ in .moveCursor(1) },
            .init(pattern: .key(.home)) { _, _ in .moveCursorToStart }, .init(pattern: .control("a")) { _, _ in .moveCursorToStart },
            .init(pattern: .key(.end)) { _, _ in .moveCursorToEnd }, .init(pattern: .control("e")) { _, _ in .moveCursorToEnd },
        ]),
        KeyBinding("letters", "type the question (@key=value filters)", in: .input, triggers: [typing]),
    ]

    static func paneBindings(themeNames: [String]) -> [KeyBinding] {
        [
            KeyBinding("j k g G Home End", "move in lists (first, last)", in: .panes, triggers: [
                .init(pattern: .character("k")) { _, _ in .selectPrevious }, .init(pattern: .character("j")) { _, _ in .selectNext },
                .init(pattern: .character("g")) { _, _ in .selectFirst }, .init(pattern: .plain(.home)) { _, _ in .selectFirst },
                .init(pattern: .character("G")) { _, _ in .selectLast }, .init(pattern: .plain(.end)) { _, _ in .selectLast },
            ]),
            KeyBinding("Space", "include or exclude the passage in the prompt", hint: "Space in/out of prompt", in: .panes, [.character(" ")], .togglePassage),
            KeyBinding("Enter", "expand the passage; in the chat, go to the citation", hint: "Enter expand", in: .panes, [.plain(.enter)], .confirm),
            KeyBinding("o", "open the passage's link in the browser", hint: "o open", in: .panes, [.character("o")], .openSelectedPassage),
            KeyBinding("y", "copy the passage, prompt or answer (OSC 52)", hint: "y copy", in: .panes, [.character("y")], .copyFocused),
            KeyBinding("c", "next citation [n] of the answer (chat)", hint: "c citations", in: .panes, .character("c")) {
                $0.focus == .chat ? .nextCitation : nil
            },
            KeyBinding("x", "export the conversation as Markdown (chat)", hint: "x export", in: .panes, .character("x")) {
                $0.focus == .chat ? .exportConversation : nil
            },
            KeyBinding("z", "zoom the focused pane", hint: "z zoom", in: .panes, [.character("z")], .toggleZoom),
            KeyBinding("?", "this help", in: .panes, [.character("?")], .toggleHelp),
            KeyBinding("t", "next theme", in: .panes, .character("t")) { state in
                guard !themeNames.isEmpty else { return nil }
                let index = themeNames.firstIndex(of: state.themeName).map { ($0 + 1) % themeNames.count } ?? 0
                return .nextTheme(themeNames[index])
            },
            KeyBinding("other letters", "start a question", in: .panes, triggers: [typing]),
        ]
    }

    static let historyBindings: [KeyBinding] = [
        KeyBinding("↑ ↓ k j, Home End g G", "choose a conversation", hint: "↑↓ choose", in: .history, triggers: [
            .init(pattern: .key(.up)) { _, _ in .selectPrevious }, .init(pattern: .character("k")) { _, _ in .selectPrevious },
            .init(pattern: .key(.down)) { _, _ in .selectNext }, .init(pattern: .character("j")) { _, _ in .selectNext },
            .init(pattern: .key(.home)) { _, _ in .selectFirst }, .init(pattern: .character("g")) { _, _ in .selectFirst },
            .init(pattern: .key(.end)) { _, _ in .selectLast }, .init(pattern: .character("G")) { _, _ in .selectLast },
        ]),
        KeyBinding("Enter", "resume the conversation", hint: "Enter resume", in: .history, [.key(.enter)], .confirm),
        KeyBinding("d, Del", "delete the conversation", hint: "d delete", in: .history, [.character("d"), .key(.delete)], .deleteSelected),
        KeyBinding("?", "this help", in: .history, [.character("?")], .toggleHelp),
    ]

    /// Any printable character types itself.
    private static let typing = KeyBinding.Trigger(pattern: .anyCharacter) { _, press in
        guard case .character(let character) = press.key else { return nil }
        return .typeText(String(character))
    }
}
