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
        let (screenArea, flowArea) = Self.split(area, flow: state.flow)
        switch state.screen {
        case .signIn:
            SignInView(state: state, theme: theme, keymap: keymap).draw(into: &canvas, in: screenArea)
        case .tenantPicker:
            TenantPickerView(state: state, theme: theme, keymap: keymap).draw(into: &canvas, in: screenArea)
        case .main:
            MainView(state: state, theme: theme, keymap: keymap).draw(into: &canvas, in: screenArea)
        case .history:
            HistoryView(state: state, theme: theme, keymap: keymap).draw(into: &canvas, in: screenArea)
        }
        if let flowArea {
            FlowView(state: state, theme: theme, keymap: keymap).draw(into: &canvas, in: flowArea)
        }
        if state.showsHelp {
            HelpOverlay(state: state, theme: theme, keymap: keymap).draw(into: &canvas, in: area)
        }
    }
}

extension AppView {
    /// Terminals at least this wide dock the flow view beside the screen; narrower ones below it.
    static let flowBesideFromWidth = 120

    /// Where the screen and the flow view go: the flow view zoomed covers everything; docked, it
    /// takes the right three fifths (or the bottom three fifths of a narrow terminal) and the
    /// screen it explains keeps the rest, from the top-left corner (where its own layout starts).
    static func split(_ area: Rect, flow: FlowState) -> (screen: Rect, flow: Rect?) {
        guard flow.isShown else { return (area, nil) }
        guard !flow.isZoomed else { return (area, area) }
        if area.width >= flowBesideFromWidth {
            let (screen, docked) = area.splitLeft(area.width * 2 / 5)
            return (screen, docked)
        }
        let (screen, docked) = area.splitTop(area.height * 2 / 5)
        return (screen, docked)
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
