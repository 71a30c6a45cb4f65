/// How a log names the flow's transitions: by case name only, never a payload (payloads
/// hold questions, passages and answers), and without the keystroke-level noise.
public enum ActionLog {
    /// `signedIn`, `passagesArrived`, `search`…: the enum case, whatever it carries.
    public static func name(of value: some Any) -> String {
        Mirror(reflecting: value).children.first?.label ?? String(describing: value)
    }

    /// False for the clock, streamed answer deltas, editing and cursor movement.
    public static func isTransition(_ action: Action) -> Bool {
        switch action {
        case .tick, .answerEvent, .typeText, .deleteBackward, .deleteForward, .deleteWordBackward, .moveCursor,
             .moveCursorToStart, .moveCursorToEnd, .insertNewline, .selectPrevious, .selectNext, .pageUp, .pageDown,
             .selectFirst, .selectLast:
            false
        default:
            true
        }
    }
}
