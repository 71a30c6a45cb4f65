import AppCore
import Terminal

/// The conversation: each question, what became of its search, and the answer.
struct ChatPane {
    var state: AppState
    var theme: Theme

    func draw(into canvas: inout Canvas, in area: Rect) {
        let inside = PaneFrame(theme: theme).draw("Chat", focused: state.focus == .chat, into: &canvas, in: area)
        guard !inside.isEmpty else { return }
        var lines: [(String, Style)] = []
        let width = max(1, inside.width)
        if state.conversation.turns.isEmpty {
            for text in TextLayout.wrap("Ask a question below. Add filters with @, e.g. @category=security @after=2024-01-01.", toWidth: width) {
                lines.append((text, theme[.muted]))
            }
        }
        for turn in state.conversation.turns {
            for text in TextLayout.wrap("› " + turn.question.safeLines, toWidth: width) {
                lines.append((text, theme[.accent]))
            }
            let (status, style): (String, Style) = switch turn.status {
            case .searching: ("searching…", theme[.muted])
            case .retrieved(let count): ("\(count) passage\(count == 1 ? "" : "s") retrieved", theme[.muted])
            case .failed(let message): ("✗ " + message.safeLine, theme[.error])
            case .cancelled: ("cancelled", theme[.warning])
            }
            for text in TextLayout.wrap(status, toWidth: width) { lines.append((text, style)) }
            if !turn.answer.isEmpty {
                for text in TextLayout.wrap(turn.answer.safeLines, toWidth: width) { lines.append((text, theme[.text])) }
            }
            lines.append(("", theme[.text]))
        }
        // Anchored at the bottom; scrollOffset lines back from the end.
        let offset = min(state.conversation.scrollOffset, max(0, lines.count - inside.height))
        let end = lines.count - offset
        let start = max(0, end - inside.height)
        canvas.clipped(to: inside) { canvas in
            for (row, line) in lines[start..<end].enumerated() {
                canvas.write(line.0, x: inside.x, y: inside.y + row, style: line.1)
            }
        }
    }
}
