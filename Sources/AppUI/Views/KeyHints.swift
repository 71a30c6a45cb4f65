import AppCore
import Terminal

/// The bottom row: the keys that matter here (from the keymap's bindings), or the latest notice.
struct KeyHints {
    var state: AppState
    var theme: Theme
    var keymap: Keymap

    /// The hints for `state`: the screen's and focus's own keys first, then the global ones.
    static func text(for state: AppState, keymap: Keymap) -> String {
        let available = keymap.bindings(applyingTo: state).filter { $0.hint != nil && $0.isAvailable(in: state) }
        let specific = available.filter { $0.context != .everywhere && $0.context != .main }
        let shared = available.filter { $0.context == .main }
        let global = available.filter { $0.context == .everywhere }
        return (specific + shared + global).compactMap(\.hint).joined(separator: " · ")
    }

    func draw(into canvas: inout Canvas, in area: Rect, showsNotice: Bool = true) {
        guard !area.isEmpty else { return }
        if showsNotice, let notice = state.notice {
            canvas.write(" " + notice.safeLine, x: area.x, y: area.y, style: theme[.accent], maxWidth: area.width)
            return
        }
        canvas.write(" " + Self.text(for: state, keymap: keymap), x: area.x, y: area.y, style: theme[.muted], maxWidth: area.width)
    }
}
