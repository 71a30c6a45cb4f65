import CNcurses
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw's wide-character API.
///
/// Input is read raw (no keypad translation) and decoded by `InputDecoder`, so Ctrl+J,
/// Alt combinations, SGR mouse reports and bracketed paste all arrive intact. Output goes
/// cell by cell through `mvwadd_wch`, and only for cells that differ from the last frame;
/// ncurses then sends the terminal the least it can.
public final class CursesBackend: Backend {
    public private(set) var size: Size
    public let colorCapability: ColorCapability
    private var lastFrame: Canvas?
    private var decoder = InputDecoder()
    private var pendingEvents: [InputEvent] = []
    private var colorPairs = ColorPairTable()
    private var isActive = true
    private let mouseEnabled: Bool

    /// How long to wait for the rest of an escape sequence before taking Esc as a key.
    static let escapeTimeout: Duration = .milliseconds(25)

    /// Takes over the terminal. Fails (rather than exiting, as `initscr` would) when stdin
    /// or stdout is not a terminal.
    public init(environment: [String: String], mouse: Bool = true) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        setlocale(LC_ALL, "")
        TerminalRestorer.install()
        guard newterm(nil, qs_stdout(), qs_stdin()) != nil else {
            TerminalRestorer.uninstall()
            throw .unsupportedTerminal(environment["TERM"] ?? "")
        }
        raw()
        noecho()
        nonl()  // keep CR (Enter) apart from LF (Ctrl+J)
        keypad(qs_stdscr(), false)
        curs_set(0)
        var terminfoColors = 0
        if has_colors() {
            start_color()
            use_default_colors()
            terminfoColors = Int(qs_colors())
        }
        // COLORTERM may promise 24-bit color, but ncurses can only send what terminfo
        // describes: a direct-color entry (colors >= 2^24), or else a palette.
        let wanted = ColorCapability.detect(environment: environment, terminfoColors: terminfoColors)
        let sendable = ColorCapability.detect(environment: [:], terminfoColors: terminfoColors)
        colorCapability = min(wanted, sendable)
        size = Size(width: Int(qs_cols()), height: Int(qs_lines()))
        mouseEnabled = mouse
        emit("\u{1B}[?2004h" + (mouse ? "\u{1B}[?1000h\u{1B}[?1002h\u{1B}[?1006h" : ""))
    }

    deinit { shutDown() }

    /// Gives the terminal back: modes off, `endwin`, handlers removed. Safe to call twice.
    public func shutDown() {
        guard isActive else { return }
        isActive = false
        emit("\u{1B}[?2004l" + (mouseEnabled ? "\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l" : ""))
        endwin()
        TerminalRestorer.uninstall()
    }

    public func invalidate() {
        lastFrame = nil
        clearok(qs_stdscr(), true)
    }

    public func present(_ canvas: Canvas) {
        let window = qs_stdscr()
        let previous = lastFrame?.size == canvas.size ? lastFrame : nil
        if previous == nil { werase(window) }
        for row in 0..<canvas.size.height {
            for column in 0..<canvas.size.width {
                let cell = canvas[column, row]
                if cell.isContinuation { continue }
                if let previous, previous[column, row] == cell { continue }
                put(cell, x: column, y: row, into: window)
            }
        }
        wnoutrefresh(window)
        doupdate()
        lastFrame = canvas
    }

    private func put(_ cell: Cell, x: Int, y: Int, into window: UnsafeMutablePointer<WINDOW>?) {
        let style = cell.style.downgraded(to: colorCapability)
        let pair = colorPairs.pair(foreground: style.foreground, background: style.background, capability: colorCapability)
        var scalars = cell.grapheme.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        // ncurses sizes a cell by wcwidth of its first scalar. Where that disagrees with the
        // cluster's width (a flag, a text-default symbol with VS16), write the first scalar
        // alone and pad, so ncurses' idea of the cursor and the terminal's stay together.
        let terminalWidth = Int(qs_wcwidth(scalars[0]))
        var padding = 0
        if terminalWidth != Int(cell.width) {
            scalars = [terminalWidth == 1 || terminalWidth == 2 ? scalars[0] : wchar_t(UInt8(ascii: "?"))]
            padding = Int(cell.width) - max(1, terminalWidth)
        }
        scalars = Array(scalars.prefix(Int(qs_ccharw_max())))
        scalars.append(0)
        var character = cchar_t()
        _ = qs_setcchar(&character, scalars, attributes(of: style), pair)
        _ = mvwadd_wch(window, Int32(y), Int32(x), &character)
        if padding > 0 {
            var space = cchar_t()
            _ = qs_setcchar(&space, [wchar_t(32), 0], attributes(of: style), pair)
            _ = mvwadd_wch(window, Int32(y), Int32(x + 1), &space)
        }
    }

    private func attributes(of style: Style) -> attr_t {
        var result = qs_a_normal()
        if style.attributes.contains(.bold) { result |= qs_a_bold() }
        if style.attributes.contains(.dim) { result |= qs_a_dim() }
        if style.attributes.contains(.italic) { result |= qs_a_italic() }
        if style.attributes.contains(.underline) { result |= qs_a_underline() }
        if style.attributes.contains(.reverse) { result |= qs_a_reverse() }
        return result
    }

    public func nextEvent(timeout: Duration?) -> InputEvent? {
        if pendingEvents.isEmpty { readInput(waiting: timeout) }
        return pendingEvents.isEmpty ? nil : pendingEvents.removeFirst()
    }

    /// Waits up to `timeout` for a byte, then reads whatever else is already queued.
    private func readInput(waiting timeout: Duration?) {
        let window = qs_stdscr()
        var wait = timeout.map { Int32(clamping: $0.milliseconds) } ?? -1
        while true {
            wtimeout(window, wait)
            let code = wgetch(window)
            if code == qs_err() {
                // Nothing more came: a pending Esc is a real Esc.
                if decoder.hasPendingInput { pendingEvents += decoder.flush() }
                return
            }
            if code == qs_key_resize() {
                size = Size(width: Int(qs_cols()), height: Int(qs_lines()))
                lastFrame = nil
                pendingEvents.append(.resize(size))
                return
            }
            if (0...255).contains(code) {
                pendingEvents += decoder.feed(CollectionOfOne(UInt8(code)))
            }
            // The rest of an escape sequence follows at once if it follows at all.
            wait = decoder.hasPendingInput ? Int32(Self.escapeTimeout.milliseconds) : 0
        }
    }

    /// Puts `text` on the system clipboard through the terminal (OSC 52): works over SSH and
    /// in tmux (with `set-clipboard on`), needs no X display. The text is company text and may
    /// be pasted into a shell, so it goes through ``TextSanitizer/clipboardText(_:byteLimit:)``
    /// first; the result says what was copied and whether it was cut, for the notice.
    @discardableResult
    public func copyToClipboard(_ text: String) -> ClipboardText {
        let copied = TextSanitizer().clipboardText(text)
        emit("\u{1B}]52;c;" + Data(copied.text.utf8).base64EncodedString() + "\u{07}")
        return copied
    }

    /// Turns mouse reporting off (so the terminal's own selection works) or back on.
    public func setMouseCapture(_ enabled: Bool) {
        emit(enabled ? "\u{1B}[?1000h\u{1B}[?1002h\u{1B}[?1006h" : "\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l")
    }

    private func emit(_ sequence: String) {
        // ncurses buffers its own output in stdout's FILE; flush it so the order holds.
        fflush(qs_stdout())
        var bytes = Array(sequence.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }
}

/// Why the terminal could not be used.
public enum TerminalError: Error, Sendable, Equatable {
    case notATerminal
    case unsupportedTerminal(String)

    public var userMessage: String {
        switch self {
        case .notATerminal:
            return "This screen needs an interactive terminal; stdin or stdout is not one. Use the non-interactive commands (e.g. `qseek search --json`) in scripts."
        case let .unsupportedTerminal(name):
            return "The terminal type \"\(name)\" is unknown to terminfo. Set TERM to one your system knows, e.g. TERM=xterm-256color."
        }
    }
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
