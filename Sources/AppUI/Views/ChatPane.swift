import AppCore
import Assistant
import Terminal

/// The conversation: each question, what became of its search, and the answer with its
/// `[n]` citations. Finished Markdown blocks come parsed from the state (once per block);
/// the block still streaming is drawn as plain text.
struct ChatPane {
    var state: AppState
    var theme: Theme

    func draw(into canvas: inout Canvas, in area: Rect) {
        let inside = PaneFrame(theme: theme).draw("Chat", focused: state.focus == .chat, into: &canvas, in: area)
        guard !inside.isEmpty else { return }
        var lines: [[StyledText.Run]] = []
        let width = max(1, inside.width)
        func plain(_ text: String, _ style: Style) {
            for line in TextLayout.wrap(text, toWidth: width) { lines.append([StyledText.Run(line, style)]) }
        }
        if state.conversation.turns.isEmpty {
            plain("Ask a question below. Add filters with @, e.g. @category=security @after=2024-01-01.", theme[.muted])
        }
        let last = state.conversation.turns.indices.last
        for (index, turn) in state.conversation.turns.enumerated() {
            plain("› " + turn.question.safeLines, theme[.accent])
            if turn.searchText != turn.queryText {
                plain("searched: " + turn.searchText.safeLine, theme[.muted])
            }
            let (status, style): (String, Style) = switch turn.status {
            case .searching: ("searching…", theme[.muted])
            case .retrieved(let count): ("\(count) passage\(count == 1 ? "" : "s") retrieved", theme[.muted])
            case .failed(let message): ("✗ " + message.safeLine, theme[.error])
            case .cancelled: ("cancelled", theme[.warning])
            }
            plain(status, style)
            let selected = index == last ? state.conversation.selectedCitation : nil
            let renderer = AnswerRenderer(theme: theme, citations: Set(turn.citations.map(\.number)), selected: selected)
            for block in turn.streamed.blocks {
                lines += renderer.lines(of: block, width: width)
            }
            if !turn.streamed.pending.isEmpty { plain(turn.streamed.pending.safeLines, theme[.text]) }
            if let line = answerLine(turn) { plain(line.0, line.1) }
            lines.append([])
        }
        // Anchored at the bottom; scrollOffset lines back from the end.
        let offset = min(state.conversation.scrollOffset, max(0, lines.count - inside.height))
        let end = lines.count - offset
        let start = max(0, end - inside.height)
        canvas.clipped(to: inside) { canvas in
            for (row, line) in lines[start..<end].enumerated() {
                _ = canvas.writeRun(line.map { ($0.text, $0.style) }, x: inside.x, y: inside.y + row, maxX: inside.maxX)
            }
        }
    }

    private func answerLine(_ turn: Conversation.Turn) -> (String, Style)? {
        switch turn.answerStatus {
        case .notAsked: return nil
        case .streaming: return ("answering…", theme[.muted])
        case .stopped: return ("answer stopped", theme[.warning])
        case .failed(let message):
            // A failure mid-answer keeps the text so far: say it is cut off.
            let cut = turn.answer.isEmpty ? "" : "answer cut off · "
            return ("✗ " + cut + message.safeLine, theme[.error])
        case .finished(let reason):
            var parts = ["answered"]
            if let model = turn.model { parts[0] += " by " + model.safeLine }
            if let latency = turn.latencyMilliseconds { parts[0] += " in " + Self.seconds(latency) }
            if let usage = turn.usage { parts.append("\(usage.inputTokens) in / \(usage.outputTokens) out tokens") }
            if let notice = StopReason.notice(reason) { parts.append(notice) }
            return (parts.joined(separator: " · "), theme[.muted])
        }
    }

    static func seconds(_ milliseconds: Int) -> String {
        "\(milliseconds / 1000).\(milliseconds % 1000 / 100) s"
    }
}

/// Draws parsed Markdown blocks as styled, wrapped lines.
struct AnswerRenderer {
    var theme: Theme
    /// The passage numbers this turn's prompt held: only these `[n]` are citations.
    var citations: Set<Int>
    var selected: Int?

    func lines(of block: MarkdownBlock, width: Int) -> [[StyledText.Run]] {
        var lines: [[StyledText.Run]] = []
        for line in block.lines {
            let runs = line.spans.map(run)
            switch line.kind {
            case .heading:
                lines += StyledText.wrap(runs.map { $0.adding(.bold) }, width: width)
            case .bullet:
                lines += StyledText.wrap(runs, width: width, firstPrefix: "• ", prefix: "  ", prefixStyle: theme[.accent])
            case .numbered(let number):
                let marker = "\(number). "
                lines += StyledText.wrap(runs, width: width, firstPrefix: marker,
                                         prefix: String(repeating: " ", count: marker.count), prefixStyle: theme[.accent])
            case .quote:
                lines += StyledText.wrap(runs, width: width, firstPrefix: "│ ", prefix: "│ ", prefixStyle: theme[.muted])
            case .code:
                let text = line.spans.map(\.text).joined().safeLine
                lines.append([StyledText.Run("  " + text, theme[.accent])])
            case .paragraph:
                lines += StyledText.wrap(runs, width: width)
            }
        }
        return lines
    }

    private func run(_ span: MarkdownSpan) -> StyledText.Run {
        let text = span.text.safeLine
        switch span.style {
        case .plain: return StyledText.Run(text, theme[.text])
        case .strong: return StyledText.Run(text, theme[.text].adding(.bold))
        case .emphasis: return StyledText.Run(text, theme[.text].adding(.italic))
        case .code: return StyledText.Run(text, theme[.accent])
        case .link(let url): return StyledText.Run("\(text) <\(url.safeLine)>", theme[.accent].adding(.underline))
        case .citation(let number) where citations.contains(number):
            return StyledText.Run(text, number == selected ? theme[.selection] : theme[.citation])
        case .citation: return StyledText.Run(text, theme[.text])
        }
    }
}

/// Word-wrapping for text made of differently styled runs.
enum StyledText {
    struct Run: Equatable {
        var text: String
        var style: Style

        init(_ text: String, _ style: Style) {
            self.text = text
            self.style = style
        }

        func adding(_ attributes: Style.Attributes) -> Run { Run(text, style.adding(attributes)) }
    }

    /// Greedy wrap at spaces; a word wider than the line is broken between clusters.
    static func wrap(_ runs: [Run], width: Int, firstPrefix: String = "", prefix: String = "",
                     prefixStyle: Style = .plain) -> [[Run]] {
        // Words keep their trailing spaces and their style, so wrapping never merges styles.
        var words: [Run] = []
        for run in runs {
            var current = ""
            for character in run.text {
                current.append(character)
                if character == " " {
                    words.append(Run(current, run.style))
                    current = ""
                }
            }
            if !current.isEmpty { words.append(Run(current, run.style)) }
        }
        var lines: [[Run]] = []
        var line: [Run] = firstPrefix.isEmpty ? [] : [Run(firstPrefix, prefixStyle)]
        var used = DisplayWidth.of(firstPrefix)
        var hasWord = false
        func newLine() {
            lines.append(trimmed(line))
            line = prefix.isEmpty ? [] : [Run(prefix, prefixStyle)]
            used = DisplayWidth.of(prefix)
            hasWord = false
        }
        for word in words {
            let visible = word.text.hasSuffix(" ") ? String(word.text.dropLast()) : word.text
            let wordWidth = DisplayWidth.of(visible)
            if hasWord && used + wordWidth > width { newLine() }
            if used + wordWidth > width {
                // Too wide for any line: break it by clusters.
                var piece = ""
                for character in word.text {
                    let characterWidth = DisplayWidth.of(character)
                    if used + DisplayWidth.of(piece) + characterWidth > width && !(piece.isEmpty && !hasWord && used == DisplayWidth.of(prefix)) {
                        line.append(Run(piece, word.style))
                        newLine()
                        piece = ""
                    }
                    piece.append(character)
                }
                line.append(Run(piece, word.style))
                used += DisplayWidth.of(piece)
                hasWord = true
                continue
            }
            line.append(word)
            used += DisplayWidth.of(word.text)
            hasWord = true
        }
        if hasWord || lines.isEmpty { lines.append(trimmed(line)) }
        return lines
    }

    /// A line without the space after its last word, so it never exceeds the width.
    private static func trimmed(_ line: [Run]) -> [Run] {
        var line = line
        while let last = line.last, last.text.hasSuffix(" ") {
            let text = String(last.text.dropLast())
            if text.isEmpty { line.removeLast() } else { line[line.count - 1].text = text }
        }
        return line
    }
}
