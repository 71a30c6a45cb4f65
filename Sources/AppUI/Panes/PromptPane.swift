import AppCore
import Terminal

/// The assembled prompt, live, with the token gauge and what was cut to fit.
struct PromptPane {
    var state: AppState
    var theme: Theme

    func draw(into canvas: inout Canvas, in area: Rect) {
        let prompt = state.prompt.assembled
        var title = "Prompt"
        if let prompt {
            title += " · ~\(prompt.estimatedTokens)/\(prompt.budgetTokens) tokens"
        }
        let inside = PaneFrame(theme: theme).draw(title, focused: state.focus == .prompt, into: &canvas, in: area)
        guard !inside.isEmpty else { return }
        guard let prompt else {
            canvas.clipped(to: inside) { canvas in
                canvas.write("The prompt for the model is assembled here as passages arrive.", x: inside.x, y: inside.y, style: theme[.muted])
            }
            return
        }
        canvas.clipped(to: inside) { canvas in
            var y = inside.y
            let gauge = gaugeLine(prompt.estimatedTokens, budget: prompt.budgetTokens, width: inside.width)
            canvas.write(gauge, x: inside.x, y: y, style: prompt.isOverBudget ? theme[.error] : theme[.success])
            y += 1
            if !prompt.cut.isEmpty {
                let cut = prompt.cut.map { "[\($0)]" }.joined(separator: " ")
                canvas.write("cut to fit: \(cut)", x: inside.x, y: y, style: theme[.warning])
                y += 1
            }
            let body = Rect(x: inside.x, y: y, width: inside.width, height: inside.maxY - y)
            guard !body.isEmpty else { return }
            // Wrap only as far as needed to fill the view from the scroll position.
            var lines: [String] = []
            let needed = state.prompt.scrollOffset + body.height
            for paragraph in prompt.text.safeLines.split(separator: "\n", omittingEmptySubsequences: false) {
                lines += TextLayout.wrap(String(paragraph), toWidth: body.width)
                if lines.count >= needed { break }
            }
            let start = min(state.prompt.scrollOffset, max(0, lines.count - body.height))
            for (row, line) in lines.dropFirst(start).prefix(body.height).enumerated() {
                // A passage's heading ("[3] Title <uri>") stands out; wrapped text that happens
                // to start with a bracket does not.
                let style = line.firstMatch(of: #/^\[\d+\] /#) != nil ? theme[.citation] : theme[.text]
                canvas.write(line, x: body.x, y: body.y + row, style: style)
            }
        }
    }

    private func gaugeLine(_ tokens: Int, budget: Int, width: Int) -> String {
        let label = " \(tokens * 100 / max(1, budget))%"
        let barWidth = max(0, min(30, width - label.count))
        let filled = min(barWidth, tokens * barWidth / max(1, budget))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled) + label
    }
}
