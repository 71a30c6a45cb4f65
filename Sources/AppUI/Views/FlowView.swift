import Accessor
import AppCore
import Foundation
import Terminal

/// The flow view (F4; `demo --presenter`): the session's steps as a sequence diagram between
/// the named parties, and the selected step's endpoint, fields, answer, tokens (decoded,
/// secrets redacted), latency, retries and errors in words.
struct FlowView {
    var state: AppState
    var theme: Theme
    var keymap: Keymap

    func draw(into canvas: inout Canvas, in area: Rect) {
        canvas.fill(area, style: theme[.background])
        let flow = state.flow
        let body = Rect(x: area.x, y: area.y, width: area.width, height: max(0, area.height - 1))
        var title = "Flow · the TTI exchange, step by step"
        if let user = state.user { title += " · " + user.displayName.safeLine }
        if flow.presenter { title += flow.stepsThrough ? " · presenter: Space sends each step" : " · presenter" }
        let inside = canvas.drawBox(body, style: theme[.focusBorder], title: title, titleStyle: theme[.accent])
        canvas.clipped(to: inside) { canvas in
            guard !flow.entries.isEmpty else {
                let hint = flow.presenter
                    ? "Nothing yet: sign in, then choose a tenant; each step of the exchange will wait here for Space."
                    : "Nothing yet: sign in and choose a tenant; every call of the session appears here."
                canvas.writeWrapped(hint, in: inside.insetBy(1), style: theme[.muted])
                return
            }
            let parties = FlowParty.allCases.map(\.title).joined(separator: " · ")
            canvas.writeRun([(" Parties  ", theme[.muted]), (parties, theme[.text])], x: inside.x, y: inside.y, maxX: inside.maxX)
            let diagramRows = min(flow.entries.count, max(3, inside.height / 3))
            let diagram = Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: diagramRows + 1)
            SequenceDiagram(flow: flow, theme: theme).draw(into: &canvas, in: diagram)
            let ruleY = diagram.maxY
            canvas.write(String(repeating: "─", count: inside.width), x: inside.x, y: ruleY, style: theme[.border])
            if let entry = flow.selected {
                let detail = Rect(x: inside.x + 1, y: ruleY + 1, width: max(0, inside.width - 2), height: max(0, inside.maxY - ruleY - 1))
                StepDetailPanel(entry: entry, number: flow.selection + 1, count: flow.entries.count, presenter: flow.stepsThrough,
                                theme: theme).draw(into: &canvas, in: detail)
            }
        }
        KeyHints(state: state, theme: theme, keymap: keymap)
            .draw(into: &canvas, in: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1))
    }
}

/// The parties as lifelines and one arrow per step, scrolled to keep the selection in view.
struct SequenceDiagram {
    var flow: FlowState
    var theme: Theme

    static let statusWidth = 12

    func draw(into canvas: inout Canvas, in area: Rect) {
        let parties = FlowParty.allCases
        let lanes = Rect(x: area.x + 3, y: area.y, width: max(parties.count, area.width - 3 - Self.statusWidth), height: area.height)
        let spacing = max(1, (lanes.width - 1) / parties.count)
        func column(_ party: FlowParty) -> Int { lanes.x + party.rawValue * spacing + spacing / 2 }
        for party in parties {
            let name = spacing > party.title.count + 1 ? party.title : party.shortTitle
            let width = DisplayWidth.of(name)
            canvas.write(name, x: max(lanes.x, column(party) - width / 2), y: area.y, style: theme[.accent].adding(.bold),
                         maxWidth: spacing)
        }
        let rows = area.height - 1
        let first = max(0, min(flow.selection - rows + 1, flow.entries.count - rows))
        for (offset, index) in (first..<min(flow.entries.count, first + rows)).enumerated() {
            let entry = flow.entries[index]
            let y = area.y + 1 + offset
            let selected = index == flow.selection
            if selected { canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.selection]) }
            let base = selected ? theme[.selection] : theme[.text]
            for party in parties { canvas.write("│", x: column(party), y: y, style: selected ? base : theme[.border]) }
            canvas.write(String(format: "%2d", index + 1), x: area.x, y: y, style: selected ? base : theme[.muted])
            let from = column(.qseek), to = column(entry.detail.party)
            let arrowStyle = style(for: entry.status, selected: selected)
            if to > from {
                canvas.write("├" + String(repeating: "─", count: max(0, to - from - 1)) + "▶", x: from, y: y, style: arrowStyle)
            }
            let label = " \(entry.title.safeLine) "
            let gap = to - from - 3
            if DisplayWidth.of(label) <= gap {
                canvas.write(label, x: from + 2, y: y, style: base)
            } else {
                canvas.write(label, x: to + 2, y: y, style: base, maxWidth: max(0, area.maxX - Self.statusWidth - to - 2))
            }
            canvas.write(status(entry), x: area.maxX - Self.statusWidth, y: y, style: arrowStyle, maxWidth: Self.statusWidth)
        }
    }

    private func style(for status: FlowEntry.Status, selected: Bool) -> Style {
        switch status {
        case .waiting, .sending: return theme[.accent].adding(.bold)
        case .succeeded: return selected ? theme[.selection] : theme[.success]
        case .reused: return theme[.muted]
        case .failed: return theme[.error].adding(.bold)
        }
    }

    private func status(_ entry: FlowEntry) -> String {
        switch entry.status {
        case .waiting: return " ‖ Space"
        case .sending: return " … sending"
        case .reused: return " ↺ cached"
        case .failed: return " ✗ failed"
        case .succeeded: return " ✓ " + (entry.latency.map(FlowText.milliseconds) ?? "")
        }
    }
}

/// The selected step: where it went, what it sent, what came back, decoded tokens.
struct StepDetailPanel {
    var entry: FlowEntry
    var number: Int
    var count: Int
    var presenter: Bool
    var theme: Theme

    typealias Line = [(String, Style)]

    func draw(into canvas: inout Canvas, in area: Rect) {
        guard !area.isEmpty else { return }
        for (offset, line) in lines(width: area.width).prefix(area.height).enumerated() {
            canvas.writeRun(line, x: area.x, y: area.y + offset, maxX: area.maxX)
        }
    }

    func lines(width: Int) -> [Line] {
        let detail = entry.detail
        var lines: [Line] = []
        lines.append([("Step \(number) of \(count) · ", theme[.muted]), (entry.title.safeLine, theme[.accent].adding(.bold)),
                      ("  qseek → \(detail.party.title)", theme[.muted])])
        var place = "\(detail.operation.safeLine)"
        if let host = detail.host { place += " at \(host.safeLine)" }
        if let region = detail.region, !region.isEmpty { place += " · region \(region.safeLine)" }
        if let latency = entry.latency { place += " · \(FlowText.milliseconds(latency))" }
        if detail.attempts > 0 { place += detail.retries == 0 ? " · no retries" : " · \(detail.retries) \(detail.retries == 1 ? "retry" : "retries")" }
        lines.append([(place, theme[.text])])
        switch entry.status {
        case .waiting:
            lines.append([("‖ Not sent yet. ", theme[.accent].adding(.bold)),
                          (presenter ? "Space sends it · Esc runs the rest at once" : "Space sends it", theme[.accent])])
        case .failed(let cause, let fix):
            for text in TextLayout.wrap("✗ " + cause.safeLine, toWidth: max(1, width)) { lines.append([(text, theme[.error].adding(.bold))]) }
            for text in TextLayout.wrap("Fix: " + fix.safeLine, toWidth: max(1, width)) { lines.append([(text, theme[.warning])]) }
        case .reused:
            lines.append([("↺ Not sent: the cached credentials are still good.", theme[.muted])])
        case .sending, .succeeded:
            break
        }
        lines += columns(left: ("Request", detail.request), right: ("Answer", detail.highlights), width: width)
        for token in detail.tokens {
            lines += tokenLines(token, width: width)
        }
        return lines
    }

    /// Request and answer side by side when there is room, else one after the other.
    private func columns(left: (String, [StepDetail.Field]), right: (String, [StepDetail.Field]), width: Int) -> [Line] {
        // The request's ARNs and tags matter most: it gets three fifths of the row.
        let half = width * 3 / 5
        func fieldLines(_ title: String, _ fields: [StepDetail.Field], width: Int) -> [Line] {
            guard !fields.isEmpty else { return [] }
            let nameWidth = min(20, (fields.map { DisplayWidth.of($0.name) }.max() ?? 0) + 1)
            return [[(title, theme[.muted].adding(.bold))]] + fields.map { field in
                [(TextLayout.truncate(field.name.safeLine, toWidth: nameWidth).padding(toLength: nameWidth, withPad: " ", startingAt: 0),
                  theme[.muted]), (field.value.safeLine, theme[.text])]
            }
        }
        if width < 90 {
            return fieldLines(left.0, left.1, width: width) + fieldLines(right.0, right.1, width: width)
        }
        let leftLines = fieldLines(left.0, left.1, width: half - 1)
        let rightLines = fieldLines(right.0, right.1, width: half - 1)
        return (0..<max(leftLines.count, rightLines.count)).map { row in
            var line: Line = []
            var used = 0
            if row < leftLines.count {
                for (text, style) in leftLines[row] where used < half - 1 {
                    let fitted = TextLayout.truncate(text, toWidth: half - 1 - used)
                    line.append((fitted, style))
                    used += DisplayWidth.of(fitted)
                }
            }
            if row < rightLines.count {
                line.append((String(repeating: " ", count: max(1, half - used)), theme[.text]))
                line += rightLines[row]
            }
            return line
        }
    }

    private func tokenLines(_ token: DecodedToken, width: Int) -> [Line] {
        var lines: [Line] = [[("▸ " + token.name.safeLine, theme[.accent].adding(.bold)), ("  " + token.whole, theme[.muted])]]
        guard token.isDecoded else {
            lines.append([("  opaque (not a JWT): nothing to decode", theme[.muted])])
            return lines
        }
        let header = token.header.map { "\($0.name.safeLine): \($0.value.safeLine)" }.joined(separator: " · ")
        lines.append([("  header    ", theme[.muted]), (header, theme[.citation])])
        let claims = token.claims.map { ($0.name.safeLine, $0.value.safeLine) }
        let pairs = width >= 100 ? 2 : 1
        let columnWidth = (width - 12) / pairs
        for start in stride(from: 0, to: claims.count, by: pairs) {
            var line: Line = [(start == 0 ? "  claims    " : "            ", theme[.muted])]
            for (offset, claim) in claims[start..<min(claims.count, start + pairs)].enumerated() {
                let text = TextLayout.truncate("\(claim.0): \(claim.1)", toWidth: max(1, columnWidth - 2))
                let padded = offset + 1 < pairs ? text + String(repeating: " ", count: max(2, columnWidth - DisplayWidth.of(text))) : text
                let style = claim.0 == "sts:identity_context" ? theme[.warning] : theme[.text]
                line.append((padded, style))
            }
            lines.append(line)
        }
        if let size = token.identityContextSize {
            lines.append([("  identity context claim present: \(size) chars, redacted", theme[.warning])])
        }
        lines.append([("  signature ", theme[.muted]), (token.signature, theme[.muted])])
        return lines
    }
}

enum FlowText {
    static func milliseconds(_ duration: Duration) -> String {
        let ms = Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
        return ms < 10_000 ? "\(ms) ms" : "\(ms / 1000) s"
    }
}

extension Rect {
    func insetBy(_ cells: Int) -> Rect {
        Rect(x: x + cells, y: y, width: max(0, width - 2 * cells), height: height)
    }
}
