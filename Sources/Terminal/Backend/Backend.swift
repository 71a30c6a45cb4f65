/// Where frames go and where input comes from: the real terminal (`CursesBackend`) or
/// memory (`MemoryBackend`, for tests). Views never know which.
public protocol Backend: AnyObject {
    /// The screen size in cells.
    var size: Size { get }
    /// What colors the screen can show; views downgrade theme colors to it.
    var colorCapability: ColorCapability { get }
    /// Shows `canvas` (sized `size`), writing only what changed since the last frame.
    func present(_ canvas: Canvas)
    /// Forgets what is on screen so the next `present` redraws everything (Ctrl+L).
    func invalidate()
    /// The next input event, waiting at most `timeout` (nil: wait until one comes).
    func nextEvent(timeout: Duration?) -> InputEvent?
    /// Puts `text` on the clipboard through the terminal (OSC 52), made safe first by
    /// ``TextSanitizer/clipboardText(_:byteLimit:)``; returns what was copied.
    @discardableResult
    func copyToClipboard(_ text: String) -> ClipboardText
    /// Turns mouse reporting off (so the terminal's own selection works) or back on.
    func setMouseCapture(_ enabled: Bool)
    /// Gives the terminal back (modes off, screen restored). Safe to call twice.
    func shutDown()
}
