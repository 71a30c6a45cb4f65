/// Makes untrusted text (passages, titles, attributes, model output, server error
/// messages) safe to put on a terminal.
///
/// A document that contains `ESC [ 2 J`, an OSC 0 title or an OSC 52 clipboard write must
/// not be able to act on the user's terminal, and a U+202E must not be able to reorder
/// what the user reads. The sanitiser therefore drops every C0 and C1 control (so no escape
/// sequence, 7-bit or 8-bit, can start), DEL, and every invisible format character (bidi
/// controls, zero-width characters, tags; see ``isUnsafe(_:after:before:)``); it expands
/// tabs to spaces at display-width tab stops. Printable text is kept as it is, so nothing
/// the author meant to show is lost.
///
/// It is the one sanitiser: the TUI's panes, every CLI output and error message, and the
/// text copied to the clipboard (``clipboardText(_:byteLimit:)``) all go through it.
public struct TextSanitizer: Sendable {
    /// Whether line feeds survive (for multi-line views) or become spaces.
    public var keepsNewlines: Bool
    /// Distance between tab stops, in cells.
    public var tabWidth: Int

    public init(keepsNewlines: Bool = false, tabWidth: Int = 4) {
        self.keepsNewlines = keepsNewlines
        self.tabWidth = max(1, tabWidth)
    }

    /// The text with every unsafe scalar removed and tabs expanded.
    public func sanitize<S: StringProtocol>(_ text: S) -> String {
        // Fast path: most text is plain printable ASCII and needs no copy-by-scalar.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(text) }

        var output = String.UnicodeScalarView()
        var column = 0
        var pendingCarriageReturn = false
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        var previousKept: Unicode.Scalar?
        while let scalar = next {
            next = scalars.next()
            if pendingCarriageReturn {
                pendingCarriageReturn = false
                if scalar == "\n" { continue }  // CR LF is one line break
            }
            switch scalar.value {
            case 0x09:
                let spaces = tabWidth - column % tabWidth
                output.append(contentsOf: repeatElement(" ", count: spaces))
                column += spaces
            case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                if keepsNewlines {
                    output.append("\n")
                    column = 0
                } else {
                    output.append(" ")
                    column += 1
                }
                pendingCarriageReturn = scalar.value == 0x0D
            case _ where Self.isUnsafe(scalar, after: previousKept, before: next):
                continue
            default:
                output.append(scalar)
                column += DisplayWidth.width(of: scalar)
            }
            previousKept = output.last
        }
        return String(output)
    }

    /// C0 controls, DEL, C1 controls (0x80–0x9F: CSI is 0x9B, OSC is 0x9D), and every format
    /// character (category Cf): the bidi controls that reorder text (LRE/RLE/PDF/LRO/RLO,
    /// LRI/RLI/FSI/PDI, LRM/RLM/ALM), zero-width characters (U+200B–200D, U+2060–2064,
    /// U+FEFF), the soft hyphen, tag characters (U+E0000–E007F) and interlinear annotation
    /// controls. They are invisible, so they only serve to make two texts that look the same
    /// differ (a hidden instruction, a spoofed name). The one exception is a zero-width joiner
    /// between two emoji, which is how 👨‍👩‍👧 is spelled.
    static func isUnsafe(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar? = nil, before next: Unicode.Scalar? = nil) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200D: return !(isEmojiPart(previous) && isEmojiPart(next))
        case 0xE0000...0xE007F: return true  // tags (E0000 and E0002–E001F are unassigned, not Cf)
        default: return scalar.value >= 0xA0 && scalar.properties.generalCategory == .format
        }
    }

    /// A scalar that can stand on either side of the joiner in an emoji ZWJ sequence: a
    /// pictograph, or the skin-tone modifier or VS16 that ends the one before.
    private static func isEmojiPart(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, scalar.value > 0x7F else { return false }
        return scalar.properties.isEmoji || scalar.value == 0xFE0F
    }
}

extension StringProtocol {
    /// This text made safe for the terminal on one line (see `TextSanitizer`).
    public var sanitizedForTerminal: String { TextSanitizer().sanitize(self) }
}
