import AppCore
import Terminal

/// The whole screen for a state: a pure function from `AppState` to a `Canvas`.
public struct AppView: Sendable {
    public var state: AppState
    public var theme: Theme
    /// The keys, for the help overlay and the footer.
    public var keymap: Keymap

    public init(state: AppState, theme: Theme, keymap: Keymap = .standard) {
        self.state = state
        self.theme = theme
        self.keymap = keymap
    }

    public func draw(into canvas: inout Canvas) {
        let area = canvas.bounds
        canvas.fill(area, style: theme[.background])
        guard area.width > 0, area.height > 0 else { return }
        switch state.screen {
        case .signIn:
            SignInView(state: state, theme: theme, keymap: keymap).draw(into: &canvas, in: area)
        case .tenantPicker:
            TenantPickerView(state: state, theme: theme, keymap: keymap).draw(into: &canvas, in: area)
        case .main:
            MainView(state: state, theme: theme, keymap: keymap).draw(into: &canvas, in: area)
        case .history:
            HistoryView(state: state, theme: theme, keymap: keymap).draw(into: &canvas, in: area)
        }
        if state.flow.isShown {
            FlowView(state: state, theme: theme, keymap: keymap).draw(into: &canvas, in: area)
        }
        if state.showsHelp {
            HelpOverlay(state: state, theme: theme, keymap: keymap).draw(into: &canvas, in: area)
        }
    }
}

/// Helpers shared by the views.
extension Canvas {
    /// Writes parts of differing style one after another on a row; returns the end column.
    @discardableResult
    mutating func writeRun(_ parts: [(String, Style)], x: Int, y: Int, maxX: Int) -> Int {
        var column = x
        for (text, style) in parts where column < maxX {
            column += write(text, x: column, y: y, style: style, maxWidth: maxX - column)
        }
        return column
    }

    /// A centred box of at most `width`×`height` inside `area`.
    static func centered(width: Int, height: Int, in area: Rect) -> Rect {
        let w = min(width, area.width)
        let h = min(height, area.height)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }
}

extension String {
    /// One line of untrusted text, safe for the terminal.
    var safeLine: String { TextSanitizer().sanitize(self) }
    /// Untrusted text with its line breaks, safe for the terminal.
    var safeLines: String { TextSanitizer(keepsNewlines: true).sanitize(self) }
}
