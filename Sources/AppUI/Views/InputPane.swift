import AppCore
import Terminal

/// The input line, with the cursor and any filter error under it.
struct InputPane {
    var state: AppState
    var theme: Theme

    func draw(into canvas: inout Canvas, in area: Rect) {
        guard area.height >= 3 else { return }
        let focused = state.focus == .input
        let box = Rect(x: area.x, y: area.y, width: area.width, height: 3)
        let inside = PaneFrame(theme: theme).draw("Ask", focused: focused, into: &canvas, in: box)
        guard !inside.isEmpty else { return }
        let text = state.input.text.replacingOccurrences(of: "\n", with: "⏎").safeLine
        let prefix = String(text.prefix(state.input.cursor))
        // Keep the cursor in view: show the tail of long input.
        let room = inside.width - 3
        let cursorColumn = DisplayWidth.of(prefix)
        let skip = max(0, cursorColumn - room)
        var visible = Substring(text)
        var dropped = 0
        while dropped < skip, let first = visible.first {
            dropped += DisplayWidth.of(first)
            visible = visible.dropFirst()
        }
        canvas.clipped(to: inside) { canvas in
            var x = canvas.write("› ", x: inside.x, y: inside.y, style: theme[.accent])
            let before = String(visible.prefix(max(0, state.input.cursor - (text.count - visible.count))))
            x += canvas.write(before, x: inside.x + x, y: inside.y, style: theme[.text])
            if focused {
                canvas.put("▏", x: inside.x + x, y: inside.y, style: theme[.accent])
            }
            let after = String(visible.dropFirst(before.count))
            canvas.write(after, x: inside.x + x + (focused ? 1 : 0), y: inside.y, style: theme[.text])
            if text.isEmpty && !focused {
                canvas.write("Tab here to type a question", x: inside.x + 2, y: inside.y, style: theme[.muted])
            }
        }
        if let error = state.inputError, area.height >= 4 {
            canvas.write(" ✗ " + error.safeLine, x: area.x, y: area.y + 3, style: theme[.error], maxWidth: area.width)
        }
    }
}
