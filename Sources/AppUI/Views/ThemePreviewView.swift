import Terminal

/// A full screen that shows every role of a theme on realistic content — chat with
/// citations, passages with confidences, CJK and emoji inside boxes — so a theme can be
/// judged (and the width handling checked) at a glance.
public struct ThemePreviewView: Sendable {
    public var theme: Theme

    public init(theme: Theme) {
        self.theme = theme
    }

    public func draw(into canvas: inout Canvas) {
        let area = canvas.bounds
        canvas.fill(area, style: theme[.background])
        guard area.height >= 1 else { return }

        let (header, belowHeader) = area.splitTop(1)
        let title = "qseek · theme \(theme.name)" + (theme.description.isEmpty ? "" : " — \(theme.description)")
        canvas.write(" " + title, x: header.x, y: header.y, style: theme[.accent])

        let (body, footer) = belowHeader.splitBottom(1)
        canvas.write(" q quit · t next theme", x: footer.x, y: footer.y, style: theme[.muted])

        let (upper, rolesArea) = body.splitBottom(min(6, body.height / 3))
        let (chatArea, passagesArea) = upper.splitLeft(upper.width / 2)
        drawChat(in: chatArea, canvas: &canvas)
        drawPassages(in: passagesArea, canvas: &canvas)
        drawRoles(in: rolesArea, canvas: &canvas)
    }

    private func drawChat(in rect: Rect, canvas: inout Canvas) {
        let inside = canvas.drawBox(rect, style: theme[.focusBorder], title: "Chat (focused)", titleStyle: theme[.focusBorder])
        canvas.clipped(to: inside) { canvas in
            var row = inside.y
            func line(_ parts: [(String, ThemeRole)]) {
                guard row < inside.maxY else { return }
                var column = inside.x
                for (text, role) in parts {
                    column += canvas.write(text, x: column, y: row, style: theme[role], maxWidth: inside.maxX - column)
                }
                row += 1
            }
            line([("› Where is the travel policy?", .accent)])
            line([("It is on the wiki ", .text), ("[1]", .citation), (" and in", .text)])
            line([("出張規程 ", .text), ("[2]", .citation), (" (漢字) 😀", .text)])
            line([("answered in 1.2 s · 312 tokens", .muted)])
            line([("✓ signed in as ana@example.com", .success)])
            line([("! credentials renew in 2 min", .warning)])
            line([("✗ AccessDenied: tenant not granted", .error)])
        }
    }

    private func drawPassages(in rect: Rect, canvas: inout Canvas) {
        let inside = canvas.drawBox(rect, style: theme[.border], title: "Passages 文書", titleStyle: theme[.text])
        let rows: [(String, ThemeRole, String)] = [
            ("VERY_HIGH", .confidenceVeryHigh, "Travel policy 🚀"),
            ("HIGH     ", .confidenceHigh, "出張規程 (Japanese)"),
            ("MEDIUM   ", .confidenceMedium, "Expense FAQ 📄"),
            ("LOW      ", .confidenceLow, "Old memo 旧メモ"),
        ]
        canvas.clipped(to: inside) { canvas in
            for (index, row) in rows.enumerated() where inside.y + index < inside.maxY {
                let y = inside.y + index
                let selected = index == 0
                if selected { canvas.fill(Rect(x: inside.x, y: y, width: inside.width, height: 1), style: theme[.selection]) }
                var column = inside.x
                column += canvas.write("[\(index + 1)] ", x: column, y: y, style: selected ? theme[.selection] : theme[.citation])
                column += canvas.write(row.0 + " ", x: column, y: y, style: selected ? theme[.selection] : theme[row.1])
                canvas.write(row.2, x: column, y: y, style: selected ? theme[.selection] : theme[.text])
            }
        }
    }

    private func drawRoles(in rect: Rect, canvas: inout Canvas) {
        let inside = canvas.drawBox(rect, style: theme[.border], title: "Roles", titleStyle: theme[.muted])
        canvas.clipped(to: inside) { canvas in
            var x = inside.x
            var y = inside.y
            for role in ThemeRole.allCases where role != .background {
                let label = role.rawValue
                let width = DisplayWidth.of(label)
                if x > inside.x && x + width > inside.maxX {
                    x = inside.x
                    y += 1
                }
                guard y < inside.maxY else { return }
                x += canvas.write(label, x: x, y: y, style: theme[role])
                x += 2
            }
        }
    }
}
