import Accessor
import AppCore
import Foundation
import Terminal

/// The passages as they stream in: number, confidence, title, source. Only the rows in
/// view are drawn, so ten thousand passages cost what twenty do.
struct PassagesPane {
    var state: AppState
    var theme: Theme

    func draw(into canvas: inout Canvas, in area: Rect) {
        let passages = state.passages
        let inside = PaneFrame(theme: theme).draw(title, focused: state.focus == .passages, into: &canvas, in: area)
        guard !inside.isEmpty else { return }
        canvas.clipped(to: inside) { canvas in
            if let error = passages.error {
                let lines = TextLayout.wrap("✗ " + error.safeLine, toWidth: inside.width)
                for (row, line) in lines.prefix(inside.height).enumerated() {
                    canvas.write(line, x: inside.x, y: inside.y + row, style: theme[.error])
                }
                if passages.items.isEmpty { return }
            }
            if passages.items.isEmpty {
                for (row, line) in TextLayout.wrap(emptyMessage, toWidth: inside.width).prefix(inside.height).enumerated() {
                    canvas.write(line, x: inside.x, y: inside.y + row, style: theme[.muted])
                }
                return
            }
            drawList(passages, canvas: &canvas, inside: inside)
        }
    }

    private var emptyMessage: String {
        if state.passages.isSearching { return "Searching…" }
        guard let turn = state.conversation.current else { return "Passages appear here as they arrive." }
        // A turn resumed from the history keeps its citations, not the passages themselves.
        if !turn.citations.isEmpty { return "Resumed from the history: its passages are not kept. Ask to search again." }
        return "No passages matched."
    }

    private var title: String {
        let passages = state.passages
        var title = "Passages"
        if !passages.items.isEmpty { title += " \(passages.items.count)" }
        if passages.isSearching { title += " · searching…" }
        if !passages.excluded.isEmpty { title += " · \(passages.excluded.count) left out" }
        return title
    }

    private func drawList(_ passages: PassagesState, canvas: inout Canvas, inside: Rect) {
        let expandedLines = passages.expanded.flatMap { rank in
            passages.items.first { $0.rank == rank }.map { expandedText(of: $0, width: inside.width - 4) }
        } ?? []
        let height = inside.height
        // Keep the selection (and its expansion, when there is room) in view.
        let selectionBlock = 1 + (passages.selected?.rank == passages.expanded ? min(expandedLines.count, height - 1) : 0)
        var first = max(0, passages.selection - max(0, height - selectionBlock))
        first = min(first, passages.selection)
        var y = inside.y
        var index = first
        // Numbers are right-aligned to the widest one, so the columns after them line up.
        let numberWidth = String(passages.items.count).count
        while y < inside.maxY, index < passages.items.count {
            let passage = passages.items[index]
            drawRow(passage, selected: index == passages.selection, excluded: passages.excluded.contains(passage.rank),
                    numberWidth: numberWidth, canvas: &canvas, y: y, inside: inside)
            y += 1
            if passage.rank == passages.expanded {
                for line in expandedLines where y < inside.maxY {
                    canvas.write("    " + line, x: inside.x, y: y, style: theme[.text])
                    y += 1
                }
            }
            index += 1
        }
    }

    private func drawRow(_ passage: Passage, selected: Bool, excluded: Bool, numberWidth: Int,
                         canvas: inout Canvas, y: Int, inside: Rect) {
        let number = String(passage.rank)
        let padding = String(repeating: " ", count: max(0, numberWidth - number.count))
        let base = selected ? theme[.selection] : theme[.text]
        if selected { canvas.fill(Rect(x: inside.x, y: y, width: inside.width, height: 1), style: base) }
        let confidence = selected ? base : theme[confidenceRole(passage.confidence)]
        let dim = excluded && !selected ? theme[.muted] : base
        canvas.writeRun([
            (padding + (excluded ? "−" : "+") + "[\(number)] ", selected ? base : (excluded ? theme[.muted] : theme[.citation])),
            (confidenceLabel(passage.confidence) + " ", excluded && !selected ? theme[.muted] : confidence),
            (passage.title.safeLine, dim),
            (source(of: passage).map { " — " + $0 } ?? "", selected ? base : theme[.muted]),
        ], x: inside.x, y: y, maxX: inside.maxX)
    }

    private func expandedText(of passage: Passage, width: Int) -> [String] {
        var lines = TextLayout.wrap(passage.content.safeLines, toWidth: max(1, width))
        if let uri = passage.uri { lines.append("↗ " + uri.safeLine) }
        for attribute in passage.attributes {
            lines.append("\(attribute.name.safeLine): \(describe(attribute.value).safeLine)")
        }
        return lines
    }

    private func describe(_ value: DocumentAttributeValue) -> String {
        switch value {
        case .string(let text): return text
        case .stringList(let items): return items.joined(separator: ", ")
        case .long(let number): return String(number)
        case .date(let date): return date.formatted(.iso8601.year().month().day())
        }
    }

    private func source(of passage: Passage) -> String? {
        guard let uri = passage.uri, let host = URL(string: uri)?.host else { return nil }
        return host.safeLine
    }

    private func confidenceLabel(_ confidence: Confidence) -> String {
        switch confidence {
        case .veryHigh: return "VERY HIGH"
        case .high: return "HIGH     "
        case .medium: return "MEDIUM   "
        case .low: return "LOW      "
        case .notAvailable: return "n/a      "
        }
    }

    private func confidenceRole(_ confidence: Confidence) -> ThemeRole {
        switch confidence {
        case .veryHigh: return .confidenceVeryHigh
        case .high: return .confidenceHigh
        case .medium: return .confidenceMedium
        case .low, .notAvailable: return .confidenceLow
        }
    }
}
