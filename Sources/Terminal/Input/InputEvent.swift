/// Something the user did at the terminal.
public enum InputEvent: Sendable, Hashable {
    case key(KeyPress)
    /// Text pasted while bracketed paste was on: delivered whole, never interpreted as keys.
    case paste(String)
    case mouse(MouseEvent)
    /// The terminal changed size.
    case resize(Size)
}

/// A key with its modifiers.
public struct KeyPress: Sendable, Hashable {
    public var key: Key
    public var modifiers: Modifiers

    public init(_ key: Key, modifiers: Modifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    /// A printable character typed without Ctrl or Alt.
    public static func character(_ character: Character) -> KeyPress { KeyPress(.character(character)) }
    /// Ctrl plus a letter, e.g. `.control("j")` for Ctrl+J.
    public static func control(_ letter: Character) -> KeyPress {
        KeyPress(.character(letter), modifiers: .control)
    }
}

public enum Key: Sendable, Hashable {
    case character(Character)
    /// Return / Enter (CR). Ctrl+J (LF) is `.character("j")` with `.control`, so the two stay apart.
    case enter
    case tab
    case backspace
    case escape
    case up, down, left, right
    case home, end, pageUp, pageDown
    case insert, delete
    /// F1 is `.function(1)`.
    case function(Int)
}

public struct Modifiers: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let shift = Modifiers(rawValue: 1 << 0)
    public static let alt = Modifiers(rawValue: 1 << 1)
    public static let control = Modifiers(rawValue: 1 << 2)

    /// xterm encodes modifiers in CSI parameters as 1 + (shift | alt << 1 | control << 2).
    init(xtermParameter: Int) {
        let bits = max(0, xtermParameter - 1)
        self.init(rawValue: UInt8(bits & 0b111))
    }
}

/// A mouse report (SGR 1006 encoding).
public struct MouseEvent: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        case press(Button)
        case release(Button)
        case drag(Button)
        case wheelUp
        case wheelDown
    }

    public enum Button: Int, Sendable, Hashable {
        case left, middle, right, none
    }

    public var action: Action
    /// Zero-based cell coordinates.
    public var x: Int
    public var y: Int
    public var modifiers: Modifiers

    public init(action: Action, x: Int, y: Int, modifiers: Modifiers = []) {
        self.action = action
        self.x = x
        self.y = y
        self.modifiers = modifiers
    }
}
