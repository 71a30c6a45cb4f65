import CNcurses

/// ncurses draws colors through numbered (foreground, background) pairs; this hands out a
/// pair per combination on first use and starts over when the terminal's pairs run out.
struct ColorPairTable {
    private struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    private var pairs: [Key: Int32] = [:]

    mutating func pair(foreground: Color?, background: Color?, capability: ColorCapability) -> Int32 {
        guard capability != .monochrome else { return 0 }
        let key = Key(foreground: Self.number(foreground), background: Self.number(background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let known = pairs[key] { return known }
        let limit = Int32(qs_color_pairs()) - 1
        if Int32(pairs.count) >= limit {
            reset_color_pairs()
            pairs.removeAll()
        }
        let number = Int32(pairs.count + 1)
        guard qs_init_extended_pair(number, key.foreground, key.background) == qs_ok() else { return 0 }
        pairs[key] = number
        return number
    }

    /// ncurses' number for a color: -1 is the terminal default; on a direct-color
    /// terminal an RGB color is its 24-bit value.
    private static func number(_ color: Color?) -> Int32 {
        switch color {
        case nil: return -1
        case let .basic(basic)?: return Int32(basic.rawValue)
        case let .indexed(index)?: return Int32(index)
        case let .rgb(red, green, blue)?: return Int32(red) << 16 | Int32(green) << 8 | Int32(blue)
        }
    }
}
