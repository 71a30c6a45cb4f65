import AppCore
import Foundation
import Terminal

/// Past conversations of this user in this tenant: ↑↓ choose, Enter resume, d delete, Esc back.
struct HistoryView {
    var state: AppState
    var theme: Theme
    var keymap: Keymap

    func draw(into canvas: inout Canvas, in area: Rect) {
        let history = state.history
        let box = Canvas.centered(width: min(100, area.width), height: min(24, area.height), in: area)
        let tenant = state.tenant.map { " · " + $0.name.safeLine } ?? ""
        let inside = canvas.drawBox(box, style: theme[.focusBorder], title: "History\(tenant)", titleStyle: theme[.accent])
        guard !inside.isEmpty else { return }
        canvas.clipped(to: inside) { canvas in
            var y = inside.y
            if let error = history.error {
                for line in TextLayout.wrap("✗ " + error.safeLine, toWidth: max(1, inside.width - 2)) {
                    canvas.write(line, x: inside.x + 1, y: y, style: theme[.error])
                    y += 1
                }
            } else if history.isLoading {
                canvas.write("Loading…", x: inside.x + 1, y: y, style: theme[.muted])
                y += 1
            } else if history.items.isEmpty {
                canvas.write("No past conversations in this tenant yet.", x: inside.x + 1, y: y, style: theme[.muted])
                y += 1
            }
            let listHeight = max(1, inside.height - 2)
            let first = max(0, min(history.selection - listHeight + 1, history.items.count - listHeight))
            for (index, item) in history.items.enumerated().dropFirst(first).prefix(listHeight) where y < inside.maxY - 1 {
                let selected = index == history.selection
                let style = selected ? theme[.selection] : theme[.text]
                if selected { canvas.fill(Rect(x: inside.x, y: y, width: inside.width, height: 1), style: style) }
                let meta = "\(Self.date(item.updatedAt)) · \(item.turnCount) turn\(item.turnCount == 1 ? "" : "s")  "
                let x = inside.maxX - DisplayWidth.of(meta)
                canvas.write((selected ? "› " : "  ") + item.title.safeLine, x: inside.x + 1, y: y, style: style,
                             maxWidth: max(0, x - inside.x - 2))
                canvas.write(meta, x: x, y: y, style: selected ? style : theme[.muted])
                y += 1
            }
            canvas.write(KeyHints.text(for: state, keymap: keymap), x: inside.x + 1, y: inside.maxY - 1,
                         style: theme[.muted], maxWidth: inside.width - 1)
        }
    }

    /// UTC, so a screen (and its snapshot) reads the same everywhere.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
