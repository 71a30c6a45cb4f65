/// How many colors the terminal can show, which decides how theme colors are downgraded.
public enum ColorCapability: Int, Sendable, Comparable, CaseIterable {
    /// `NO_COLOR` is set, or the terminal has no colors: bold, underline and reverse only.
    case monochrome
    case basic8
    case basic16
    case indexed256
    case trueColor

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decides from the environment and terminfo's color count.
    ///
    /// `NO_COLOR` (any non-empty value, per no-color.org) wins. `COLORTERM=truecolor|24bit`
    /// announces 24-bit color; terminfo's `colors` tells the rest. `terminfoColors` is
    /// ncurses' `COLORS` once colors are started (0 or less when there are none).
    public static func detect(environment: [String: String], terminfoColors: Int) -> Self {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
        if colorTerm == "truecolor" || colorTerm == "24bit" || terminfoColors >= 1 << 24 {
            return .trueColor
        }
        switch terminfoColors {
        case 256...: return .indexed256
        case 16..<256: return .basic16
        case 8..<16: return .basic8
        default: return .monochrome
        }
    }

    /// The color as this terminal can show it, or nil when it shows none.
    public func downgrade(_ color: Color) -> Color? {
        switch self {
        case .monochrome:
            return nil
        case .trueColor:
            return color
        case .indexed256:
            guard case let .rgb(red, green, blue) = color else { return color }
            return .indexed(Palette.nearestIndex256(red: red, green: green, blue: blue))
        case .basic16, .basic8:
            let count: UInt8 = self == .basic16 ? 16 : 8
            switch color {
            case let .basic(basic):
                return .basic(Color.BasicColor(rawValue: basic.rawValue % count)!)
            case let .indexed(index) where index < count:
                return .basic(Color.BasicColor(rawValue: index)!)
            default:
                let (red, green, blue) = color.rgbValue
                let nearest = Palette.nearestBasic(red: red, green: green, blue: blue, count: Int(count))
                return .basic(Color.BasicColor(rawValue: nearest)!)
            }
        }
    }
}
