import Sandbox

/// Generated documents for the sandbox search benchmark: a fixed pseudo-random stream over a
/// vocabulary of 3,000 words plus the words of the benchmark's queries.
public enum CorpusFixtures {
    public static let queries = ["quarterly planning process", "travel expense policy", "security key rotation runbook",
                                 "onboarding checklist for new hires", "vacation"]

    public static func documents(count: Int, wordsPerDocument: Int = 180) -> [Document] {
        var generator = SplitMix(seed: 42)
        let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "do", "fa", "gu", "ha", "ji", "pe"]
        var vocabulary: [String] = []
        for a in syllables { for b in syllables { for c in syllables where vocabulary.count < 3_000 { vocabulary.append(a + b + c) } } }
        // Query words at spread-out ranks: some common (long postings), some rare.
        for (offset, word) in Set(queries.flatMap { $0.split(separator: " ").map(String.init) }).sorted().enumerated() {
            vocabulary.insert(word, at: 20 + offset * 150)
        }
        return (0..<count).map { index in
            var words: [String] = []
            words.reserveCapacity(wordsPerDocument)
            for position in 0..<wordsPerDocument {
                // Zipf-ish: low indices are much more common, like real text.
                let r = generator.next() % UInt64(vocabulary.count)
                let word = vocabulary[Int(r * r / UInt64(vocabulary.count))]
                words.append(position % 12 == 11 ? word + "." : word)
            }
            return Document(id: "doc-\(index)", title: "Document \(index) \(words[0]) \(words[1])",
                            uri: "https://wiki.example/doc/\(index)", body: words.joined(separator: " "),
                            attributes: [:], allowedUsers: [], allowedGroups: ["everyone"])
        }
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
