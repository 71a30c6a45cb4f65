/// How many terminal cells text occupies, measured per grapheme cluster.
///
/// Terminals lay out text by cluster, not by `Character` count or scalar count: a CJK
/// ideograph or an emoji takes two cells, a combining accent takes none. Every layout
/// decision in qseek (wrapping, truncation, borders) goes through these functions so
/// that a right border stays straight next to 漢字 and 👨‍👩‍👧.
public enum DisplayWidth {
    /// The cells one grapheme cluster occupies: 0, 1 or 2.
    public static func of(_ cluster: Character) -> Int {
        let scalars = cluster.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1 { return width(of: first) }

        var hasEmojiSequenceMark = false
        var regionalIndicators = 0
        for scalar in scalars {
            switch scalar.value {
            case 0xFE0F, 0x20E3, 0x200D, 0x1F3FB...0x1F3FF:
                // VS16 (emoji presentation), combining keycap, ZWJ, skin-tone modifiers.
                hasEmojiSequenceMark = true
            case 0x1F1E6...0x1F1FF:
                regionalIndicators += 1
            default:
                break
            }
        }
        if regionalIndicators >= 2 { return 2 }  // a flag
        if hasEmojiSequenceMark && first.properties.isEmoji { return 2 }
        let base = width(of: first)
        // A cluster that starts with a mark (text that begins mid-sequence) has no base to
        // sit on; terminals still give it the width of its first spacing scalar.
        if base == 0 {
            return scalars.dropFirst().lazy.map(width(of:)).first { $0 > 0 } ?? 0
        }
        return base
    }

    /// The cells a whole string occupies.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for cluster in text { total += of(cluster) }
        return total
    }

    /// The width of a lone scalar, as a terminal without grapheme support would draw it.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }  // Latin: no marks or wide characters below U+0300
        if contains(WidthTables.zero, value) { return 0 }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels and final consonants
        if contains(WidthTables.wide, value) { return 2 }
        return 1
    }

    private static func contains(_ ranges: [(UInt32, UInt32)], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let (start, end) = ranges[middle]
            if value < start {
                high = middle - 1
            } else if value > end {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
