import AppCore
import Terminal

/// Turns input events into actions, given the state (screen and focus decide). Keys go
/// through `bindings`, the same list the help overlay and the footer are drawn from.
public struct Keymap: Sendable {
    /// Theme names in order, for the live `t` key.
    public let themeNames: [String]
    /// Every key binding, most specific context first within each screen.
    public let bindings: [KeyBinding]

    /// The keymap without theme names: what help shows is the same for every theme list.
    public static let standard = Keymap(themeNames: [])

    public init(themeNames: [String]) {
        self.themeNames = themeNames
        bindings = Self.flowBindings + Self.globalBindings + Self.signInBindings + Self.tenantPickerBindings + Self.mainBindings
            + Self.inputBindings + Self.paneBindings(themeNames: themeNames) + Self.historyBindings
    }

    public func action(for event: InputEvent, in state: AppState, size: Size) -> Action? {
        switch event {
        case .resize:
            return nil
        case .paste(let text):
            return state.screen == .signIn ? nil : .typeText(text)
        case .mouse(let mouse):
            return mouseAction(mouse, state: state, size: size)
        case .key(let press):
            for binding in bindings where binding.context.applies(to: state) {
                if let action = binding.action(for: press, in: state) { return action }
            }
            return nil
        }
    }

    /// The bindings that apply in `state`, in the order help lists them.
    public func bindings(applyingTo state: AppState) -> [KeyBinding] {
        bindings.filter { $0.context.applies(to: state) }
    }

    private func mouseAction(_ mouse: MouseEvent, state: AppState, size: Size) -> Action? {
        switch mouse.action {
        case .wheelUp: return .selectPrevious
        case .wheelDown: return .selectNext
        case .press(.left) where state.screen == .main:
            return MainLayout(size: size, state: state).pane(atX: mouse.x, y: mouse.y).map { .focus($0) }
        default: return nil
        }
    }
}
