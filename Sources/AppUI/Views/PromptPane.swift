import AppCore
import Assistant
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
                let cut = PromptAssembler.rankList(prompt.cut)
                canvas.write("cut to fit: \(cut)", x: inside.x, y: y, style: theme[.warning])
                y += 1
            }
            let body = Rect(x: inside.x, y: y, width: inside.width, height: inside.maxY - y)
            guard !body.isEmpty else { return }
            // Sanitise and wrap only as far as needed to fill the view from the scroll position:
            // the prompt can be tens of kilobytes, and doing all of it cost most of a frame.
            // One raw line at a time gives the same text as sanitising the whole, because the
            // sanitiser's state (tab column, a pending CR) starts afresh after every line feed.
            var lines: [String] = []
            let needed = state.prompt.scrollOffset + body.height
            var rest = Substring(prompt.text)
            while lines.count < needed {
                let scalars = rest.unicodeScalars
                let lineEnd = scalars.firstIndex(of: "\n").map { scalars.index(after: $0) } ?? scalars.endIndex
                var safe = Substring(TextSanitizer(keepsNewlines: true).sanitize(Substring(scalars[..<lineEnd])))
                let isLast = lineEnd == scalars.endIndex
                if !isLast { safe = safe.dropLast() }  // the line feed that ends this raw line
                for paragraph in safe.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines += TextLayout.wrap(String(paragraph), toWidth: body.width, maxLines: needed - lines.count)
                    if lines.count >= needed { break }
                }
                if isLast { break }
                rest = Substring(scalars[lineEnd...])
            }
            let start = min(state.prompt.scrollOffset, max(0, lines.count - body.height))
            for (row, line) in lines.dropFirst(start).prefix(body.height).enumerated() {
                // A passage's heading ("[3] Title <uri>") stands out; wrapped text that happens
                // to start with a bracket does not.
                let style = Self.isPassageHeading(line) ? theme[.citation] : theme[.text]
                canvas.write(line, x: body.x, y: body.y + row, style: style)
            }
        }
    }

    /// `[n] ` at the start of a line (matched by hand: a `Regex` literal would be compiled anew
    /// for every line of every frame).
    static func isPassageHeading(_ line: String) -> Bool {
        var bytes = line.utf8[...]
        guard bytes.popFirst() == UInt8(ascii: "[") else { return false }
        let digits = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        return !digits.isEmpty && bytes.dropFirst(digits.count).starts(with: "] ".utf8)
    }

    private func gaugeLine(_ tokens: Int, budget: Int, width: Int) -> String {
        let label = " \(tokens * 100 / max(1, budget))%"
        let barWidth = max(0, min(30, width - label.count))
        let filled = min(barWidth, tokens * barWidth / max(1, budget))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled) + label
    }
}
