/// Turns text into index terms: lowercase ASCII-folded words, stop words removed, and a light
/// suffix stemmer so "policies", "policy" and "handling", "handle" meet.
public enum Tokenizer {
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if",
        "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "should", "so", "that", "the",
        "their", "then", "there", "these", "this", "to", "was", "we", "what", "when", "where", "which", "who",
        "why", "will", "with", "you", "your",
    ]

    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var word: [UInt8] = []
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            guard !word.isEmpty else { return }
            let token = String(decoding: word, as: UTF8.self)
            guard !stopWords.contains(token) else { return }
            terms.append(stem(token))
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                word.append(byte + 32)
            case 0x80...:
                // Non-ASCII bytes stay inside the word so other scripts still index as whole words.
                word.append(byte)
            default:
                flush()
            }
        }
        flush()
        return terms
    }

    /// A few English suffix rules; only applied when a stem of at least three letters remains.
    static func stem(_ word: String) -> String {
        guard word.count > 4, word.unicodeScalars.allSatisfy(\.isASCII) else { return word }
        for (suffix, replacement) in [("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("ly", ""), ("s", "")] {
            guard word.hasSuffix(suffix), !word.hasSuffix("ss") else { continue }
            let stem = String(word.dropLast(suffix.count)) + replacement
            if stem.count >= 3 { return stem }
        }
        return word
    }
}
