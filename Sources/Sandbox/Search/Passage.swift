/// A piece of one document small enough to hand to a model: Q Business returns passages, not
/// whole documents.
public struct Passage: Sendable {
    public var documentIndex: Int
    public var text: String

    /// Longest passage, in characters.
    public static let maximumLength = 2048

    /// Splits a body on paragraph breaks, packing paragraphs together up to the limit and
    /// cutting paragraphs that are longer on sentence ends (or hard, as a last resort).
    public static func split(_ body: String, documentIndex: Int) -> [Passage] {
        var pieces: [String] = []
        for paragraph in body.components(separatedBy: "\n\n") where !paragraph.isEmpty {
            pieces.append(contentsOf: cut(paragraph))
        }
        var passages: [Passage] = []
        var current = ""
        for piece in pieces {
            if current.isEmpty {
                current = piece
            } else if current.count + 2 + piece.count <= maximumLength {
                current += "\n\n" + piece
            } else {
                passages.append(Passage(documentIndex: documentIndex, text: current))
                current = piece
            }
        }
        if !current.isEmpty { passages.append(Passage(documentIndex: documentIndex, text: current)) }
        return passages
    }

    private static func cut(_ paragraph: String) -> [String] {
        guard paragraph.count > maximumLength else { return [paragraph] }
        var result: [String] = []
        var rest = Substring(paragraph)
        while rest.count > maximumLength {
            let window = rest.prefix(maximumLength)
            let end = window.lastIndex(of: ".").map { window.index(after: $0) } ?? window.endIndex
            result.append(String(rest[..<end]).trimmingCharacters(in: .whitespaces))
            rest = rest[end...]
        }
        let tail = rest.trimmingCharacters(in: .whitespaces)
        if !tail.isEmpty { result.append(tail) }
        return result
    }
}
