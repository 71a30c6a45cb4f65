import AppCore
import Terminal

/// Every key that works on this screen, in one box over it (F1 or ?), drawn from the
/// keymap's bindings: what is listed is what the keys do.
struct HelpOverlay {
    var state: AppState
    var theme: Theme
    var keymap: Keymap

    /// A heading or one binding's line.
    enum Row: Equatable {
        case heading(String)
        case binding(keys: String, help: String)
    }

    /// The rows for `state`: the screen's own keys first, then the keys that work everywhere.
    static func rows(for state: AppState, keymap: Keymap) -> [Row] {
        let applying = keymap.bindings(applyingTo: state)
        var contexts: [KeyBinding.Context] = []
        for binding in applying where binding.context != .everywhere && !contexts.contains(binding.context) {
            contexts.append(binding.context)
        }
        contexts.append(.everywhere)
        var rows: [Row] = []
        for context in contexts {
            rows.append(.heading(context.title))
            rows += applying.filter { $0.context == context }.map { .binding(keys: $0.keys, help: $0.help) }
        }
        return rows
    }

    func draw(into canvas: inout Canvas, in area: Rect) {
        let rows = Self.rows(for: state, keymap: keymap)
        // One column when it fits, else two side by side.
        let columns = rows.count + 3 <= area.height || area.width < 100 ? 1 : 2
        let perColumn = (rows.count + columns - 1) / columns
        let box = Canvas.centered(width: columns == 1 ? 84 : 160, height: perColumn + 3, in: area)
        canvas.fill(box, style: theme[.text])
        let inside = canvas.drawBox(box, style: theme[.focusBorder], title: "Keys", titleStyle: theme[.accent])
        let columnWidth = inside.width / columns
        let keyWidth = min(24, columnWidth / 3)
        canvas.clipped(to: inside) { canvas in
            for (index, row) in rows.enumerated() {
                let x = inside.x + 1 + (index / perColumn) * columnWidth
                let y = inside.y + index % perColumn
                guard y < inside.maxY - 1 else { continue }
                switch row {
                case .heading(let title):
                    canvas.write(title, x: x, y: y, style: theme[.muted], maxWidth: columnWidth - 1)
                case .binding(let keys, let help):
                    canvas.write(keys, x: x + 1, y: y, style: theme[.accent], maxWidth: keyWidth - 1)
                    canvas.write(help, x: x + 1 + keyWidth, y: y, style: theme[.text], maxWidth: columnWidth - keyWidth - 2)
                }
            }
            canvas.write("Esc or F1 closes this help", x: inside.x + 1, y: inside.maxY - 1, style: theme[.muted])
        }
    }
}
