/// A grid of cells that views draw on. Backends turn it into terminal output.
///
/// All drawing is clipped to `clip` (initially the whole canvas): a view given a small
/// region cannot scribble outside it, and a wide cluster that would straddle the clip's
/// right edge is replaced by a space so borders stay straight.
public struct Canvas: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// The region drawing is confined to.
    public private(set) var clip: Rect

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
        self.clip = Rect(size: size)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Runs `draw` with drawing confined to `region` (intersected with the current clip).
    @discardableResult
    public mutating func clipped<Result>(to region: Rect, _ draw: (inout Canvas) -> Result) -> Result {
        let saved = clip
        clip = clip.intersection(region)
        defer { clip = saved }
        return draw(&self)
    }

    /// Paints every cell of `rect` (within the clip) blank in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(clip)
        guard !area.isEmpty else { return }
        let cell = Cell(" ", style: style)
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                set(cell, x: column, y: row)
            }
        }
    }

    /// Puts one grapheme cluster at (x, y) and returns the cells it took (0 when clipped).
    /// The caller sanitises untrusted text first; controls here would reach the terminal.
    @discardableResult
    public mutating func put(_ cluster: Character, x: Int, y: Int, style: Style) -> Int {
        let width = DisplayWidth.of(cluster)
        guard width > 0 else { return 0 }
        guard clip.contains(x: x, y: y) else { return width }
        if width == 2 && !clip.contains(x: x + 1, y: y) {
            set(Cell(" ", style: style), x: x, y: y)
            return 2
        }
        set(Cell(cluster, style: style, width: UInt8(width)), x: x, y: y)
        if width == 2 { set(.continuation(style: style), x: x + 1, y: y) }
        return width
    }

    /// Writes one line of text from (x, y), never wider than `maxWidth` cells (default: to
    /// the clip's right edge); text that does not fit ends in an ellipsis. Returns the cells used.
    @discardableResult
    public mutating func write<S: StringProtocol>(
        _ text: S, x: Int, y: Int, style: Style, maxWidth: Int? = nil
    ) -> Int {
        let limit = min(maxWidth ?? Int.max, clip.maxX - x)
        guard limit > 0 else { return 0 }
        let fitted = TextLayout.truncate(text, toWidth: limit)
        var column = x
        for cluster in fitted {
            column += put(cluster, x: column, y: y, style: style)
        }
        return column - x
    }

    /// Writes wrapped text into `rect`, one wrapped line per row, starting `skip` lines down
    /// (for scrolling). Returns how many wrapped lines the text has in all.
    @discardableResult
    public mutating func writeWrapped(_ text: String, in rect: Rect, style: Style, skip: Int = 0) -> Int {
        let lines = TextLayout.wrap(text, toWidth: rect.width)
        for (row, line) in lines.dropFirst(skip).prefix(rect.height).enumerated() {
            write(line, x: rect.x, y: rect.y + row, style: style, maxWidth: rect.width)
        }
        return lines.count
    }

    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        let index = y * size.width + x
        // Overwriting either half of a wide cluster leaves the other half meaningless.
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        } else if cells[index].width == 2, x + 1 < size.width, cell.width != 2 {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}
