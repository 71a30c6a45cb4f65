import Accessor
import AppCore
import Terminal

/// The tenant picker: type to filter, Enter to run the exchange, whose steps show below.
struct TenantPickerView {
    var state: AppState
    var theme: Theme
    var keymap: Keymap

    func draw(into canvas: inout Canvas, in area: Rect) {
        let picker = state.tenantPicker
        let box = Canvas.centered(width: 84, height: 22, in: area)
        let who = state.user?.displayName.safeLine ?? ""
        let inside = canvas.drawBox(box, style: theme[.focusBorder], title: "Choose a tenant · \(who)", titleStyle: theme[.accent])
        canvas.clipped(to: inside) { canvas in
            var y = inside.y
            canvas.writeRun([("Filter: ", theme[.muted]), (picker.filter.safeLine + "▏", theme[.text])], x: inside.x + 1, y: y, maxX: inside.maxX)
            y += 2
            let visible = picker.visible
            if visible.isEmpty {
                let message = picker.available.isEmpty
                    ? "No tenant is configured for this user. Add [[tenants]] to the config, or check the tenant claim."
                    : "No tenant matches \"\(picker.filter.safeLine)\"."
                canvas.write(message, x: inside.x + 1, y: y, style: theme[.warning])
                y += 1
            }
            let listHeight = max(1, inside.height - 9)
            let first = max(0, min(picker.selection - listHeight + 1, visible.count - listHeight))
            for (index, tenant) in visible.enumerated().dropFirst(first).prefix(listHeight) {
                let selected = index == picker.selection
                let style = selected ? theme[.selection] : theme[.text]
                if selected { canvas.fill(Rect(x: inside.x, y: y, width: inside.width, height: 1), style: style) }
                var last = tenant.id == picker.lastChosenID ? "  (last used)" : ""
                if state.identityCenterSignInNeeded.contains(tenant.id) {
                    last += "  · signs in at its Identity Center"
                } else if let user = state.identityCenterUsers[tenant.id] {
                    last += "  · IdC: \(user.safeLine)"
                }
                canvas.writeRun([
                    ((selected ? "› " : "  ") + tenant.name.safeLine, style),
                    ("  \(tenant.id.safeLine) · \(tenant.region.safeLine)\(last)", selected ? style : theme[.muted]),
                ], x: inside.x + 1, y: y, maxX: inside.maxX)
                y += 1
            }
            if let exchange = picker.exchange {
                drawSteps(exchange, canvas: &canvas, inside: inside)
            }
        }
        KeyHints(state: state, theme: theme, keymap: keymap)
            .draw(into: &canvas, in: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), showsNotice: false)
    }

    private func drawSteps(_ exchange: ExchangeProgress, canvas: inout Canvas, inside: Rect) {
        var y = inside.maxY - 6
        if let url = exchange.signInURL {
            // The browser went to the tenant's Identity Center; over SSH, the URL is the way there.
            let width = max(1, inside.width - 4)
            let tenant = state.tenantPicker.available.first { $0.id == exchange.tenantID }
            let forwarding = tenant.flatMap(state.remoteSession.portForwarding(for:))
            let lines = ["Sign in at the tenant's Identity Center in your browser:"]
                + TextLayout.wrap(url.safeLine, toWidth: width).prefix(3).map { "  " + $0 }
                + (forwarding.map { ["Over SSH, forward port \($0.port) for the browser's redirect first:", "  " + $0.command] } ?? [])
            var urlY = y - lines.count - 1
            for line in lines {
                canvas.write(line, x: inside.x + 1, y: urlY, style: theme[.accent])
                urlY += 1
            }
        }
        canvas.write("Connecting to \(exchange.tenantID.safeLine):", x: inside.x + 1, y: y, style: theme[.muted])
        y += 1
        for step in exchange.steps {
            let (mark, style): (String, Style)
            if exchange.completed.contains(step) {
                (mark, style) = ("✓", theme[.success])
            } else if exchange.failure?.step == step {
                (mark, style) = ("✗", theme[.error])
            } else if exchange.current == step {
                (mark, style) = ("…", theme[.accent])
            } else {
                (mark, style) = ("·", theme[.muted])
            }
            canvas.writeRun([(" \(mark) ", style), (step.title, exchange.failure?.step == step ? theme[.error] : theme[.text])],
                            x: inside.x + 1, y: y, maxX: inside.maxX)
            y += 1
        }
        if let failure = exchange.failure {
            for line in TextLayout.wrap(failure.message.safeLine, toWidth: max(1, inside.width - 4)).prefix(inside.maxY - y) {
                canvas.write("   " + line, x: inside.x + 1, y: y, style: theme[.error])
                y += 1
            }
        }
    }
}
