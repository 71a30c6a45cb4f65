import AppCore
import Terminal

/// What a key means on the screen the user is looking at.
public enum KeyCommand: Sendable, Equatable {
    case action(Action)
    /// Ctrl+L: forget what is on screen and draw it all again.
    case redraw
    /// Turn mouse capture off (so the terminal's own selection works) or back on.
    case toggleMouseCapture
}

/// Turns input events into commands, given the state (focus and screen decide).
public struct Keymap: Sendable {
    /// Theme names in order, for the live `t` key.
    public var themeNames: [String]

    public init(themeNames: [String]) {
        self.themeNames = themeNames
    }

    public func command(for event: InputEvent, in state: AppState, size: Size) -> KeyCommand? {
        switch event {
        case .resize:
            return nil
        case .paste(let text):
            return state.screen == .signIn ? nil : .action(.typeText(text))
        case .mouse(let mouse):
            return mouseCommand(mouse, state: state, size: size)
        case .key(let press):
            if let global = globalCommand(press, state: state) { return global }
            switch state.screen {
            case .signIn: return signInCommand(press)
            case .tenantPicker: return tenantPickerCommand(press)
            case .main: return mainCommand(press, state: state)
            case .history: return historyCommand(press)
            }
        }
    }

    private func globalCommand(_ press: KeyPress, state: AppState) -> KeyCommand? {
        switch (press.key, press.modifiers) {
        case (.function(1), _): return .action(.toggleHelp)
        case (.escape, []), (.character("c"), .control): return .action(.cancel)
        case (.character("l"), .control): return .redraw
        case (.character("o"), .control) where state.user != nil: return .action(.signOut)
        case (.character("t"), .control) where state.screen == .main: return .action(.switchTenant)
        case (.character("n"), .control) where state.screen == .main: return .action(.newConversation)
        case (.function(2), _): return .toggleMouseCapture
        case (.function(3), _) where state.screen == .main || state.screen == .history: return .action(.openHistory)
        default: return nil
        }
    }

    private func signInCommand(_ press: KeyPress) -> KeyCommand? {
        switch (press.key, press.modifiers) {
        case (.up, _), (.character("k"), []): return .action(.selectPrevious)
        case (.down, _), (.character("j"), []): return .action(.selectNext)
        case (.enter, _): return .action(.confirm)
        case (.character("?"), []): return .action(.toggleHelp)
        default: return nil
        }
    }

    private func tenantPickerCommand(_ press: KeyPress) -> KeyCommand? {
        switch (press.key, press.modifiers) {
        case (.up, _): return .action(.selectPrevious)
        case (.down, _): return .action(.selectNext)
        case (.enter, _): return .action(.confirm)
        case (.backspace, _): return .action(.deleteBackward)
        case (.character(let character), []), (.character(let character), .shift): return .action(.typeText(String(character)))
        default: return nil
        }
    }

    private func mainCommand(_ press: KeyPress, state: AppState) -> KeyCommand? {
        switch (press.key, press.modifiers) {
        case (.tab, []): return .action(.focusNext)
        case (.tab, .shift): return .action(.focusPrevious)
        case (.up, _): return .action(.selectPrevious)
        case (.down, _): return .action(.selectNext)
        case (.pageUp, _): return .action(.pageUp)
        case (.pageDown, _): return .action(.pageDown)
        default: break
        }
        return state.focus == .input ? inputCommand(press) : paneCommand(press, state: state)
    }

    private func historyCommand(_ press: KeyPress) -> KeyCommand? {
        switch (press.key, press.modifiers) {
        case (.up, _), (.character("k"), []): return .action(.selectPrevious)
        case (.down, _), (.character("j"), []): return .action(.selectNext)
        case (.home, _), (.character("g"), []): return .action(.selectFirst)
        case (.end, _), (.character("G"), .shift), (.character("G"), []): return .action(.selectLast)
        case (.enter, _): return .action(.confirm)
        case (.character("d"), []), (.delete, _): return .action(.deleteSelected)
        case (.character("?"), []): return .action(.toggleHelp)
        default: return nil
        }
    }

    private func inputCommand(_ press: KeyPress) -> KeyCommand? {
        switch (press.key, press.modifiers) {
        case (.enter, _): return .action(.confirm)
        case (.character("j"), .control): return .action(.insertNewline)
        case (.backspace, _): return .action(.deleteBackward)
        case (.delete, _): return .action(.deleteForward)
        case (.character("w"), .control): return .action(.deleteWordBackward)
        case (.left, _): return .action(.moveCursor(-1))
        case (.right, _): return .action(.moveCursor(1))
        case (.home, _), (.character("a"), .control): return .action(.moveCursorToStart)
        case (.end, _), (.character("e"), .control): return .action(.moveCursorToEnd)
        case (.character(let character), []), (.character(let character), .shift): return .action(.typeText(String(character)))
        default: return nil
        }
    }

    private func paneCommand(_ press: KeyPress, state: AppState) -> KeyCommand? {
        guard press.modifiers.isEmpty || press.modifiers == .shift else { return nil }
        switch press.key {
        case .character("k"): return .action(.selectPrevious)
        case .character("j"): return .action(.selectNext)
        case .character("g"), .home: return .action(.selectFirst)
        case .character("G"), .end: return .action(.selectLast)
        case .character(" "): return .action(.togglePassage)
        case .enter: return .action(.confirm)
        case .character("o"): return .action(.openSelectedPassage)
        case .character("y"): return .action(.copyFocused)
        case .character("c") where state.focus == .chat: return .action(.nextCitation)
        case .character("x") where state.focus == .chat: return .action(.exportConversation)
        case .character("z"): return .action(.toggleZoom)
        case .character("?"): return .action(.toggleHelp)
        case .character("t"):
            let names = themeNames
            guard !names.isEmpty else { return nil }
            let index = names.firstIndex(of: state.themeName).map { ($0 + 1) % names.count } ?? 0
            return .action(.nextTheme(names[index]))
        case .character(let character):
            // Any other letter starts a question: focus the input and type it.
            return .action(.typeText(String(character)))
        default:
            return nil
        }
    }

    private func mouseCommand(_ mouse: MouseEvent, state: AppState, size: Size) -> KeyCommand? {
        switch mouse.action {
        case .wheelUp: return .action(.selectPrevious)
        case .wheelDown: return .action(.selectNext)
        case .press(.left) where state.screen == .main:
            let pane = MainLayout(size: size, state: state).pane(atX: mouse.x, y: mouse.y)
            return pane.map { .action(.focus($0)) }
        default: return nil
        }
    }
}
