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
}
