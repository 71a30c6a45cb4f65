/// Makes untrusted text (passages, titles, attributes, model output, server error
/// messages) safe to put on a terminal.
///
/// A document that contains `ESC [ 2 J`, an OSC 0 title or an OSC 52 clipboard write must
/// not be able to act on the user's terminal, and a U+202E must not be able to reorder
/// what the user reads. The sanitiser therefore drops every C0 and C1 control (so no escape
/// sequence, 7-bit or 8-bit, can start), DEL, and the bidi embedding, override and isolate
/// controls; it expands tabs to spaces at display-width tab stops. Printable text is kept
/// as it is, so nothing the author meant to show is lost.
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
        for scalar in text.unicodeScalars {
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
            case _ where Self.isUnsafe(scalar):
                continue
            default:
                output.append(scalar)
                column += DisplayWidth.width(of: scalar)
            }
        }
        return String(output)
    }

    /// C0 controls, DEL, C1 controls (0x80–0x9F: CSI is 0x9B, OSC is 0x9D), and the bidi
    /// controls that reorder text: LRE/RLE/PDF/LRO/RLO (U+202A–202E), LRI/RLI/FSI/PDI
    /// (U+2066–2069), plus LRM/RLM/ALM, which are invisible and only serve spoofing here.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x200E, 0x200F, 0x061C: return true
        case 0xFFF9...0xFFFB: return true  // interlinear annotation controls
        default: return false
        }
    }
}

extension StringProtocol {
    /// This text made safe for the terminal on one line (see `TextSanitizer`).
    public var sanitizedForTerminal: String { TextSanitizer().sanitize(self) }
}
