/// The line characters of a box.
public struct BorderGlyphs: Sendable, Hashable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    public static let single = BorderGlyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    public static let rounded = BorderGlyphs(
        horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯")
    public static let heavy = BorderGlyphs(
        horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛")
    /// For terminals or fonts without box drawing.
    public static let ascii = BorderGlyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
}

extension Canvas {
    /// Draws a box around the edge of `rect` with an optional title in its top edge, and
    /// returns the inside. A title too long for the box is cut with an ellipsis.
    @discardableResult
    public mutating func drawBox(
        _ rect: Rect,
        style: Style,
        title: String? = nil,
        titleStyle: Style? = nil,
        glyphs: BorderGlyphs = .rounded
    ) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        for column in rect.x + 1..<right {
            put(glyphs.horizontal, x: column, y: rect.y, style: style)
            put(glyphs.horizontal, x: column, y: bottom, style: style)
        }
        for row in rect.y + 1..<bottom {
            put(glyphs.vertical, x: rect.x, y: row, style: style)
            put(glyphs.vertical, x: right, y: row, style: style)
        }
        put(glyphs.topLeft, x: rect.x, y: rect.y, style: style)
        put(glyphs.topRight, x: right, y: rect.y, style: style)
        put(glyphs.bottomLeft, x: rect.x, y: bottom, style: style)
        put(glyphs.bottomRight, x: right, y: bottom, style: style)

        if let title, !title.isEmpty, rect.width > 4 {
            let room = rect.width - 4
            clipped(to: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1)) { canvas in
                let used = canvas.write(" " + title, x: rect.x + 1, y: rect.y, style: titleStyle ?? style, maxWidth: room + 1)
                canvas.put(" ", x: rect.x + 1 + used, y: rect.y, style: titleStyle ?? style)
            }
        }
        return rect.inset(by: 1)
    }
}
