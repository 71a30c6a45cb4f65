/// How a cell looks: colors (nil = the terminal's default) and attributes.
public struct Style: Sendable, Hashable {
    public var foreground: Color?
    public var background: Color?
    public var attributes: Attributes

    public init(foreground: Color? = nil, background: Color? = nil, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default look.
    public static let plain = Style()

    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let dim = Attributes(rawValue: 1 << 1)
        public static let italic = Attributes(rawValue: 1 << 2)
        public static let underline = Attributes(rawValue: 1 << 3)
        public static let reverse = Attributes(rawValue: 1 << 4)
    }

    /// This style with extra attributes.
    public func adding(_ extra: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    /// This style as a terminal with `capability` shows it: colors downgraded to the
    /// nearest the terminal has, or dropped in monochrome (attributes always stay).
    public func downgraded(to capability: ColorCapability) -> Style {
        Style(
            foreground: foreground.flatMap(capability.downgrade),
            background: background.flatMap(capability.downgrade),
            attributes: attributes
        )
    }
}
