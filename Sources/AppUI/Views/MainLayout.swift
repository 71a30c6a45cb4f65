import AppCore
import Terminal

/// Where each part of the main screen goes at a given size: shared by the view (to draw)
/// and the keymap (to know which pane a click landed in).
struct MainLayout {
    static let tabsBelowWidth = 100

    var statusRow: Rect
    var hintRow: Rect
    var input: Rect
    /// The tab row, when the panes are tabs.
    var tabRow: Rect?
    /// The panes on screen and their frames.
    var panes: [(pane: Pane, frame: Rect)]

    init(size: Size, state: AppState) {
        let area = Rect(size: size)
        let (statusRow, rest) = area.splitTop(1)
        let (body, hintRow) = rest.splitBottom(1)
        let inputHeight = min(3 + (state.inputError == nil ? 0 : 1), max(0, body.height - 3))
        let (paneArea, input) = body.splitBottom(inputHeight)
        self.statusRow = statusRow
        self.hintRow = hintRow
        self.input = input
        let shown: Pane = state.focus == .input ? .passages : state.focus
        if state.zoomed {
            tabRow = nil
            panes = [(shown, paneArea)]
        } else if paneArea.width < Self.tabsBelowWidth {
            let (tabs, content) = paneArea.splitTop(1)
            tabRow = tabs
            panes = [(shown, content)]
        } else {
            let (left, right) = paneArea.splitLeft(paneArea.width * 2 / 5)
            let (top, bottom) = right.splitTop(right.height * 11 / 20)
            tabRow = nil
            panes = [(.chat, left), (.passages, top), (.prompt, bottom)]
        }
    }

    func pane(atX x: Int, y: Int) -> Pane? {
        if input.contains(x: x, y: y) { return .input }
        return panes.first { $0.frame.contains(x: x, y: y) }?.pane
    }
}
