import Foundation

/// A terminal color as a theme names it. The backend downgrades it to what the terminal
/// can show (see `ColorCapability`).
public enum Color: Sendable, Hashable {
    /// 24-bit color.
    case rgb(UInt8, UInt8, UInt8)
    /// An entry of the xterm 256-color palette.
    case indexed(UInt8)
    /// One of the eight (or, bright, sixteen) colors every color terminal has.
    case basic(BasicColor)

    /// The eight ANSI colors and their bright variants.
    public enum BasicColor: UInt8, Sendable, Hashable, CaseIterable {
        case black, red, green, yellow, blue, magenta, cyan, white
        case brightBlack, brightRed, brightGreen, brightYellow
        case brightBlue, brightMagenta, brightCyan, brightWhite

        /// The name themes use: `red`, `bright_blue`, …
        public var name: String {
            let raw = String(describing: self)
            guard raw.hasPrefix("bright") else { return raw }
            return "bright_" + raw.dropFirst("bright".count).lowercased()
        }

        public init?(name: String) {
            let normalized = name.lowercased().replacingOccurrences(of: "-", with: "_")
            guard let match = Self.allCases.first(where: { $0.name == normalized }) else {
                if normalized == "gray" || normalized == "grey" { self = .brightBlack; return }
                return nil
            }
            self = match
        }
    }

    /// Parses `#rrggbb`, `#rgb`, a palette index `0`–`255`, or a basic color name.
    public init?(themeValue: String) {
        let text = themeValue.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("#") {
            let hex = Array(text.dropFirst())
            let digits: [Character]
            switch hex.count {
            case 6: digits = hex
            case 3: digits = hex.flatMap { [$0, $0] }
            default: return nil
            }
            var bytes: [UInt8] = []
            for index in stride(from: 0, to: 6, by: 2) {
                guard let byte = UInt8(String(digits[index...index + 1]), radix: 16) else { return nil }
                bytes.append(byte)
            }
            self = .rgb(bytes[0], bytes[1], bytes[2])
        } else if let index = UInt8(text) {
            self = .indexed(index)
        } else if let basic = BasicColor(name: text) {
            self = .basic(basic)
        } else {
            return nil
        }
    }

    /// The color's RGB value as xterm draws it by default.
    public var rgbValue: (red: UInt8, green: UInt8, blue: UInt8) {
        switch self {
        case let .rgb(red, green, blue):
            return (red, green, blue)
        case let .basic(basic):
            return Palette.xterm16[Int(basic.rawValue)]
        case let .indexed(index):
            return Palette.rgb(ofIndex: index)
        }
    }
}
