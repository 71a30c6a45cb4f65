import AppCore
import Terminal

/// Keys and what they do, with the words the help overlay and the footer show for them.
/// The keymap is a list of these, so help cannot drift from what the keys do: a key
/// without help text cannot be bound (see `KeymapHelpTests`).
public struct KeyBinding: Sendable {
    /// Where a binding applies.
    public enum Context: Sendable, Equatable {
        /// On every screen.
        case everywhere
        case signIn
        case tenantPicker
        /// The main screen, whatever has focus.
        case main
        /// The main screen with the input line focused.
        case input
        /// The main screen with a pane (chat, passages, prompt) focused.
        case panes
        case history
        /// The flow view (over any screen).
        case flow
    }

    /// One key (or a class of keys) and the action it gives in a state; nil when it does
    /// nothing there (e.g. Ctrl+O before anyone signed in).
    public struct Trigger: Sendable {
        public var pattern: KeyPattern
        public var action: @Sendable (AppState, KeyPress) -> Action?
    }

    /// How the keys are written in help ("Ctrl+T", "↑ ↓ PgUp PgDn").
    public var keys: String
    /// What they do, as the help overlay says it.
    public var help: String
    /// What the footer says for it, when it belongs in the footer ("Enter ask").
    public var hint: String?
    public var context: Context
    public var triggers: [Trigger]

    public init(_ keys: String, _ help: String, hint: String? = nil, in context: Context, triggers: [Trigger]) {
        self.keys = keys
        self.help = help
        self.hint = hint
        self.context = context
        self.triggers = triggers
    }

    /// One key with one action.
    public init(_ keys: String, _ help: String, hint: String? = nil, in context: Context, _ pattern: KeyPattern,
                _ action: @escaping @Sendable (AppState) -> Action?) {
        self.init(keys, help, hint: hint, in: context, triggers: [Trigger(pattern: pattern, action: { state, _ in action(state) })])
    }

    /// Several keys with the same action, whatever the state.
    public init(_ keys: String, _ help: String, hint: String? = nil, in context: Context, _ patterns: [KeyPattern], _ action: Action) {
        self.init(keys, help, hint: hint, in: context, triggers: patterns.map { Trigger(pattern: $0, action: { _, _ in action }) })
    }

    /// Whether one of its keys does something in `state` (the footer shows only those).
    func isAvailable(in state: AppState) -> Bool {
        triggers.contains { $0.action(state, $0.pattern.example) != nil }
    }

    /// The action for `press` in `state`, if this binding has one.
    func action(for press: KeyPress, in state: AppState) -> Action? {
        for trigger in triggers where trigger.pattern.matches(press) {
            if let action = trigger.action(state, press) { return action }
        }
        return nil
    }
}

/// Which key presses a trigger answers.
public enum KeyPattern: Sendable, Equatable {
    /// This key with exactly these modifiers.
    case exactly(Key, Modifiers)
    /// This key with any modifiers.
    case key(Key)
    /// This key alone or with Shift (terminals differ in reporting Shift on letters).
    case plain(Key)
    /// A printable character typed without Ctrl or Alt (Shift allowed).
    case anyCharacter

    public static func character(_ character: Character) -> KeyPattern { .plain(.character(character)) }
    public static func control(_ letter: Character) -> KeyPattern { .exactly(.character(letter), .control) }

    /// A key press this pattern answers.
    var example: KeyPress {
        switch self {
        case .exactly(let key, let modifiers): return KeyPress(key, modifiers: modifiers)
        case .key(let key), .plain(let key): return KeyPress(key)
        case .anyCharacter: return .character("a")
        }
    }

    func matches(_ press: KeyPress) -> Bool {
        switch self {
        case .exactly(let key, let modifiers): return press.key == key && press.modifiers == modifiers
        case .key(let key): return press.key == key
        case .plain(let key): return press.key == key && (press.modifiers.isEmpty || press.modifiers == .shift)
        case .anyCharacter:
            guard case .character = press.key else { return false }
            return press.modifiers.isEmpty || press.modifiers == .shift
        }
    }
}

extension KeyBinding.Context {
    /// Whether the binding applies on this screen with this focus.
    func applies(to state: AppState) -> Bool {
        switch self {
        case .everywhere: return true
        case .flow: return state.flow.isShown
        // The flow view covers the screen: the screen's own keys wait until it closes.
        case .signIn: return state.screen == .signIn && !state.flow.isShown
        case .tenantPicker: return state.screen == .tenantPicker && !state.flow.isShown
        case .main: return state.screen == .main && !state.flow.isShown
        case .input: return state.screen == .main && state.focus == .input && !state.flow.isShown
        case .panes: return state.screen == .main && state.focus != .input && !state.flow.isShown
        case .history: return state.screen == .history && !state.flow.isShown
        }
    }

    /// The heading of this context's part of the help.
    var title: String {
        switch self {
        case .everywhere: return "Everywhere"
        case .signIn: return "Sign-in"
        case .tenantPicker: return "Tenants"
        case .main: return "Main screen"
        case .input: return "Question line"
        case .panes: return "Chat, passages, prompt"
        case .history: return "History"
        case .flow: return "Flow view"
        }
    }
}
