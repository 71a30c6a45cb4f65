import AppCore
import Foundation
import Terminal

/// The main screen: status bar, chat, passages, prompt, input and key hints. From 100
/// columns up the panes sit side by side; below, they become tabs. Zoom gives the focused
/// pane the whole body (projector mode).
struct MainView {
    var state: AppState
    var theme: Theme
    var keymap: Keymap

    func draw(into canvas: inout Canvas, in area: Rect) {
        let layout = MainLayout(size: Size(width: area.width, height: area.height), state: state)
        StatusBar(state: state, theme: theme).draw(into: &canvas, in: layout.statusRow)
        InputPane(state: state, theme: theme).draw(into: &canvas, in: layout.input)
        if let tabRow = layout.tabRow, let shown = layout.panes.first?.pane {
            var x = tabRow.x
            for pane in [Pane.chat, .passages, .prompt] {
                let style = pane == shown ? theme[.selection] : theme[.muted]
                x += canvas.write(" \(pane.title) ", x: x, y: tabRow.y, style: style, maxWidth: tabRow.maxX - x) + 1
            }
        }
        for (pane, frame) in layout.panes {
            draw(pane, into: &canvas, in: frame)
        }
        KeyHints(state: state, theme: theme, keymap: keymap).draw(into: &canvas, in: layout.hintRow)
    }

    private func draw(_ pane: Pane, into canvas: inout Canvas, in area: Rect) {
        switch pane {
        case .chat, .input: ChatPane(state: state, theme: theme).draw(into: &canvas, in: area)
        case .passages: PassagesPane(state: state, theme: theme).draw(into: &canvas, in: area)
        case .prompt: PromptPane(state: state, theme: theme).draw(into: &canvas, in: area)
        }
    }
}

extension Pane {
    var title: String {
        switch self {
        case .chat: return "Chat"
        case .passages: return "Passages"
        case .prompt: return "Prompt"
        case .input: return "Input"
        }
    }
}

/// A pane's frame: focused panes get the focus border.
struct PaneFrame {
    var theme: Theme

    func draw(_ title: String, focused: Bool, into canvas: inout Canvas, in area: Rect) -> Rect {
        canvas.drawBox(area, style: focused ? theme[.focusBorder] : theme[.border], title: title,
                       titleStyle: focused ? theme[.focusBorder] : theme[.muted])
    }
}

/// The top row: who, which tenant, how long the credentials last, which model.
struct StatusBar {
    var state: AppState
    var theme: Theme

    func draw(into canvas: inout Canvas, in area: Rect) {
        guard !area.isEmpty else { return }
        canvas.fill(area, style: theme[.selection])
        var parts = [" qseek"]
        if let tenant = state.tenant, let user = state.identityCenterUsers[tenant.id] {
            parts.append("\(user.safeLine) (Identity Center)")
        } else if let user = state.user {
            parts.append(user.displayName.safeLine)
        }
        if let tenant = state.tenant { parts.append("\(tenant.name.safeLine) (\(tenant.id.safeLine))") }
        if let expiry = state.credentialsExpiry {
            let seconds = Int(expiry.timeIntervalSince(state.now))
            parts.append(seconds > 0 ? "credentials \(seconds / 60)m\(String(format: "%02d", seconds % 60))s" : "credentials renewing")
        }
        parts.append(state.modelName.map { "model \($0.safeLine)" } ?? "no model")
        if let turn = state.conversation.current {
            if turn.answerStatus.isStreaming {
                parts.append("answering…")
            } else if let usage = turn.usage {
                var cost = "\(usage.inputTokens)+\(usage.outputTokens) tok"
                if let latency = turn.latencyMilliseconds { cost += " · " + ChatPane.seconds(latency) }
                parts.append(cost)
            }
        }
        canvas.write(parts.joined(separator: " · "), x: area.x, y: area.y, style: theme[.selection], maxWidth: area.width)
    }
}

