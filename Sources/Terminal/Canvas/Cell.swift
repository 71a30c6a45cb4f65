/// One terminal cell: a grapheme cluster and its style.
///
/// A two-cell cluster (漢, 👍) is stored in its left cell with `width == 2`; the cell to its
/// right is a continuation (`width == 0`) that backends skip.
public struct Cell: Sendable, Hashable {
    public var grapheme: Character
    public var style: Style
    public var width: UInt8

    public init(_ grapheme: Character = " ", style: Style = .plain, width: UInt8 = 1) {
        self.grapheme = grapheme
        self.style = style
        self.width = width
    }

    public static let blank = Cell()

    /// The right half of a wide cluster.
    static func continuation(style: Style) -> Cell { Cell(" ", style: style, width: 0) }

    public var isContinuation: Bool { width == 0 }
}
