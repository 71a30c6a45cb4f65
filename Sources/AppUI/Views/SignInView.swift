import AppCore
import Terminal

/// The sign-in screen: where the user will sign in, how, and what is happening.
struct SignInView {
    var state: AppState
    var theme: Theme
    var keymap: Keymap

    func draw(into canvas: inout Canvas, in area: Rect) {
        let signIn = state.signIn
        let suggests = !signIn.options.suggestedQuestions.isEmpty
        let box = Canvas.centered(width: suggests ? 110 : 76, height: suggests ? 24 : 20, in: area)
        let inside = canvas.drawBox(box, style: theme[.focusBorder], title: "Sign in to qseek", titleStyle: theme[.accent])
        canvas.clipped(to: inside) { canvas in
            var y = inside.y
            let maxX = inside.maxX
            func line(_ parts: [(String, Style)]) {
                guard y < inside.maxY else { return }
                canvas.writeRun(parts, x: inside.x + 1, y: y, maxX: maxX)
                y += 1
            }
            line([("Identity provider  ", theme[.muted]), (signIn.options.issuer.safeLine, theme[.text])])
            line([("Client             ", theme[.muted]), (signIn.options.clientID.safeLine, theme[.text])])
            y += 1
            for text in TextLayout.wrap("You sign in once at your company's identity provider; qseek then exchanges that sign-in for access to your tenant's Amazon Q index, limited to what you may read.", toWidth: max(1, inside.width - 2)) {
                line([(text, theme[.text])])
            }
            y += 1
            switch signIn.phase {
            case .idle:
                for (index, choice) in signIn.choices.enumerated() {
                    let selected = index == signIn.selection
                    let style = selected ? theme[.selection] : theme[.text]
                    if selected { canvas.fill(Rect(x: inside.x, y: y, width: inside.width, height: 1), style: style) }
                    var parts = [((selected ? "› " : "  ") + label(for: choice), style)]
                    if case .demoUser(let user) = choice, let question = signIn.options.suggestedQuestions[user] {
                        parts.append(("  try: “\(question.safeLine)”", selected ? style : theme[.muted]))
                    }
                    line(parts)
                }
            case .checkingSavedSignIn:
                line([("Checking for a saved sign-in…", theme[.accent])])
            case .signingIn:
                line([("Signing in…", theme[.accent])])
            case .waitingForBrowser(let url):
                line([("Waiting for the browser… (Esc cancels)", theme[.accent])])
                line([("If it did not open, visit:", theme[.muted])])
                for text in TextLayout.wrap(url.safeLine, toWidth: max(1, inside.width - 2)) {
                    line([(text, theme[.text])])
                }
            case .waitingForDevice(let code, let url):
                line([("On any device, open ", theme[.text]), (url.safeLine, theme[.accent])])
                line([("and enter the code:", theme[.text])])
                y += 1
                let spaced = code.safeLine.map(String.init).joined(separator: " ")
                line([("    " + spaced, theme[.citation].adding(.bold))])
                y += 1
                line([("Waiting for approval… (Esc cancels)", theme[.muted])])
            }
            if let error = signIn.error {
                y = max(y, inside.maxY - 2)
                line([("✗ " + error.safeLine, theme[.error])])
            }
            if let notice = state.notice, y < inside.maxY {
                line([(notice.safeLine, theme[.muted])])
            }
        }
        KeyHints(state: state, theme: theme, keymap: keymap)
            .draw(into: &canvas, in: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), showsNotice: false)
    }

    func label(for choice: SignInMethod) -> String {
        switch choice {
        case .demoUser(let user): return "Sign in as \(user.safeLine) (demo user)"
        case .browser: return "Sign in with the browser (authorization code + PKCE)"
        case .device: return "Sign in with a code on another device"
        }
    }
}
