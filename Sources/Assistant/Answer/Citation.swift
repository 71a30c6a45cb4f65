import Accessor

/// A passage an answer may cite as `[number]`: what history keeps and a sources list shows.
public struct Citation: Sendable, Equatable, Codable {
    public var number: Int
    public var documentID: String
    public var title: String
    public var uri: String?

    public init(number: Int, documentID: String, title: String, uri: String?) {
        self.number = number
        self.documentID = documentID
        self.title = title
        self.uri = uri
    }

    public init(_ passage: Passage) {
        self.init(number: passage.rank, documentID: passage.documentID, title: passage.title, uri: passage.uri)
    }

    /// The distinct `[n]` markers in `text`, in order of first appearance.
    public static func markers(in text: String) -> [Int] {
        var seen: [Int] = []
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "[") {
            let digits = text[text.index(after: open)...].prefix { $0.isASCII && $0.isNumber }
            let close = digits.endIndex
            if !digits.isEmpty, digits.count <= 4, close < text.endIndex, text[close] == "]", let number = Int(digits) {
                if !seen.contains(number) { seen.append(number) }
                index = text.index(after: close)
            } else {
                index = text.index(after: open)
            }
        }
        return seen
    }
}
