import Terminal

/// Every key, in one box over the screen (F1 or ?).
struct HelpOverlay {
    var theme: Theme

    static let keys: [(String, String)] = [
        ("Enter", "send the question / sign in / connect"),
        ("Ctrl+J", "newline in the input"),
        ("Tab, Shift+Tab", "cycle focus between panes"),
        ("↑ ↓ PgUp PgDn Home End", "move or scroll (j k g G in lists)"),
        ("Space", "include or exclude the passage in the prompt"),
        ("Enter (passages)", "expand the passage"),
        ("o", "open the passage's link in the browser"),
        ("y", "copy the passage, prompt or answer (OSC 52)"),
        ("c (chat)", "next citation [n]; Enter goes to its passage"),
        ("x (chat)", "export the conversation as Markdown"),
        ("Ctrl+T", "switch tenant"),
        ("Ctrl+N", "new conversation"),
        ("F3", "history: Enter resume, d delete, Esc back"),
        ("Ctrl+O", "sign out"),
        ("Ctrl+C, Esc", "cancel search or answer; twice idle quits"),
        ("z", "zoom the focused pane"),
        ("t", "next theme"),
        ("F1, ?", "this help"),
        ("Ctrl+L", "redraw"),
    ]

    func draw(into canvas: inout Canvas, in area: Rect) {
        let box = Canvas.centered(width: 72, height: Self.keys.count + 4, in: area)
        canvas.fill(box, style: theme[.text])
        let inside = canvas.drawBox(box, style: theme[.focusBorder], title: "Keys", titleStyle: theme[.accent])
        canvas.clipped(to: inside) { canvas in
            for (row, (key, meaning)) in Self.keys.enumerated() where inside.y + row < inside.maxY - 1 {
                canvas.writeRun([(key.padding(toLength: 24, withPad: " ", startingAt: 0), theme[.accent]), (meaning, theme[.text])],
                                x: inside.x + 1, y: inside.y + row, maxX: inside.maxX)
            }
            canvas.write("Esc or F1 closes this help", x: inside.x + 1, y: inside.maxY - 1, style: theme[.muted])
        }
    }
}

import Foundation
