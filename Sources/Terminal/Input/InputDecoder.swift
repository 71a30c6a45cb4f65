/// Turns the bytes a terminal sends into `InputEvent`s.
///
/// qseek reads the terminal raw (no ncurses keypad translation) so that it sees what
/// ncurses would hide: Ctrl+J apart from Enter, Alt combinations, SGR mouse reports and
/// bracketed paste. Bytes may arrive split anywhere; an incomplete sequence waits in the
/// buffer until more bytes come or the caller calls `flush()` after a short pause (which is
/// how a lone Esc is told apart from the start of a sequence). Malformed input never
/// traps: invalid UTF-8 becomes U+FFFD and unknown sequences are dropped.
public struct InputDecoder: Sendable {
    private var buffer: [UInt8] = []
    private var paste: [UInt8]?

    /// Longest escape sequence accepted; anything longer is garbage and is dropped.
    static let maximumSequenceLength = 64
    /// Largest paste kept; the rest is dropped so a runaway paste cannot exhaust memory.
    static let maximumPasteLength = 1 << 20

    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    public init() {}

    /// Whether bytes are waiting for the rest of a sequence.
    public var hasPendingInput: Bool { !buffer.isEmpty }

    /// Decodes what it can of `bytes` (plus anything pending) into events.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [InputEvent] where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        return drain(final: false)
    }

    /// Treats whatever is pending as complete: called when no byte followed for a while.
    public mutating func flush() -> [InputEvent] {
        drain(final: true)
    }

    private mutating func drain(final: Bool) -> [InputEvent] {
        var events: [InputEvent] = []
        var position = 0
        while position < buffer.count {
            if paste != nil {
                let (next, waiting) = consumePaste(from: position, final: final, into: &events)
                if waiting {
                    buffer.removeFirst(next)
                    return events
                }
                position = next
                continue
            }
            switch Self.parse(buffer, at: position, final: final) {
            case .incomplete:
                buffer.removeFirst(position)
                return events
            case let .event(event, length):
                position += length
                if event == Self.pasteStartMarker {
                    paste = []
                } else if let event {
                    events.append(event)
                }
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if final, let pending = paste {
            // The terminal never closed the paste: deliver what came.
            events.append(.paste(String(decoding: pending, as: UTF8.self)))
            paste = nil
        }
        return events
    }

    /// Collects paste bytes up to the end marker. Returns where to go on, and whether to
    /// wait for more bytes because the buffer ends inside what may be the end marker.
    private mutating func consumePaste(
        from start: Int, final: Bool, into events: inout [InputEvent]
    ) -> (next: Int, waiting: Bool) {
        var index = start
        while index < buffer.count {
            if buffer[index] == 0x1B {
                let rest = buffer[index...]
                if rest.starts(with: Self.pasteEnd) {
                    appendToPaste(buffer[start..<index])
                    events.append(.paste(String(decoding: paste ?? [], as: UTF8.self)))
                    paste = nil
                    return (index + Self.pasteEnd.count, false)
                }
                if !final, Self.pasteEnd.starts(with: rest) {
                    appendToPaste(buffer[start..<index])
                    return (index, true)
                }
            }
            index += 1
        }
        appendToPaste(buffer[start..<index])
        return (index, false)
    }

    private mutating func appendToPaste(_ bytes: ArraySlice<UInt8>) {
        let room = Self.maximumPasteLength - (paste?.count ?? 0)
        paste?.append(contentsOf: bytes.prefix(max(0, room)))
    }

    /// A sentinel meaning "bracketed paste starts here"; never returned to callers.
    static let pasteStartMarker: InputEvent? = .paste("\u{1B}[200~")

    enum Parsed {
        case incomplete
        /// `event` is nil for a recognised but meaningless sequence, consumed silently.
        case event(InputEvent?, length: Int)
    }
}
