/// A backend that keeps the screen in memory: tests draw into it and read it back as
/// text lines or styled cells, and queue input events for the app to read.
public final class MemoryBackend: Backend {
    public private(set) var size: Size
    public let colorCapability: ColorCapability
    /// The last frame presented.
    public private(set) var screen: Canvas
    /// How many frames were presented.
    public private(set) var frameCount = 0
    /// How many cells the last `present` changed: what a real terminal would have been sent.
    public private(set) var cellsChangedByLastFrame = 0
    private var pendingEvents: [InputEvent] = []
    /// Everything put on the clipboard, oldest first.
    public private(set) var clipboard: [String] = []
    /// Whether mouse reporting is on.
    public private(set) var capturesMouse = true
    /// Whether `shutDown` was called.
    public private(set) var isShutDown = false

    public init(size: Size, colorCapability: ColorCapability = .monochrome) {
        self.size = size
        self.colorCapability = colorCapability
        self.screen = Canvas(size: size)
    }

    public func present(_ canvas: Canvas) {
        if canvas.size == screen.size {
            cellsChangedByLastFrame = zip(canvas.cells, screen.cells).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
        } else {
            cellsChangedByLastFrame = canvas.cells.count
        }
        screen = canvas
        frameCount += 1
    }

    public func invalidate() {
        screen = Canvas(size: size)
    }

    public func nextEvent(timeout: Duration?) -> InputEvent? {
        pendingEvents.isEmpty ? nil : pendingEvents.removeFirst()
    }

    @discardableResult
    public func copyToClipboard(_ text: String) -> ClipboardText {
        let copied = TextSanitizer().clipboardText(text)
        clipboard.append(copied.text)
        return copied
    }

    public func setMouseCapture(_ enabled: Bool) {
        capturesMouse = enabled
    }

    public func shutDown() {
        isShutDown = true
    }

    /// Queues input as if the user had typed it.
    public func enqueue(_ events: InputEvent...) {
        pendingEvents.append(contentsOf: events)
    }

    /// Changes the size and queues the resize event a terminal would send.
    public func resize(to newSize: Size) {
        size = newSize
        pendingEvents.append(.resize(newSize))
    }

    /// The screen as text, one string per row, trailing spaces kept so widths can be checked.
    public var lines: [String] {
        (0..<screen.size.height).map { row in
            var line = ""
            for column in 0..<screen.size.width {
                let cell = screen[column, row]
                if !cell.isContinuation { line.append(cell.grapheme) }
            }
            return line
        }
    }

    /// The screen as one string, rows joined by newlines, trailing spaces trimmed: the form
    /// text snapshots are stored in.
    public var text: String {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }
}
