import Foundation

/// An inverted index over passages with Okapi BM25 ranking (k1 = 1.2, b = 0.75).
///
/// Built once when the corpus loads; a query touches only the postings of its own terms, which
/// keeps a search over ten thousand documents in the low milliseconds.
public struct SearchIndex: Sendable {
    public static let k1 = 1.2
    public static let b = 0.75

    public let passages: [Passage]
    private let postings: [String: [(passage: Int32, frequency: Int32)]]
    private let lengths: [Float]
    private let averageLength: Double

    public struct Hit: Sendable, Equatable {
        public var passage: Int
        public var score: Double
        /// The score divided by the best a passage could reach for this query (0...1, roughly).
        public var normalized: Double
    }

    /// Indexes `documents`; each passage is indexed with its document's title so a title match counts.
    public init(documents: [Document]) {
        var passages: [Passage] = []
        var postings: [String: [(passage: Int32, frequency: Int32)]] = [:]
        var lengths: [Float] = []
        for (index, document) in documents.enumerated() {
            for passage in Passage.split(document.body, documentIndex: index) {
                let id = Int32(passages.count)
                passages.append(passage)
                let terms = Tokenizer.terms(document.title) + Tokenizer.terms(passage.text)
                lengths.append(Float(terms.count))
                var counts: [String: Int32] = [:]
                for term in terms { counts[term, default: 0] += 1 }
                for (term, count) in counts { postings[term, default: []].append((id, count)) }
            }
        }
        self.passages = passages
        self.postings = postings
        self.lengths = lengths
        averageLength = lengths.isEmpty ? 1 : Double(lengths.reduce(0, +)) / Double(lengths.count)
    }

    /// Ranks the passages that match at least one query term and that `isVisible` accepts
    /// (by document index), best first; ties break on passage order so paging is stable.
    public func search(_ query: String, isVisible: (Int) -> Bool) -> [Hit] {
        let terms = Array(Set(Tokenizer.terms(query)))
        guard !terms.isEmpty, !passages.isEmpty else { return [] }
        let count = Double(passages.count)
        var scores: [Int32: Double] = [:]
        var best = 0.0
        for term in terms {
            guard let list = postings[term] else { continue }
            let frequency = Double(list.count)
            let idf = log(1 + (count - frequency + 0.5) / (frequency + 0.5))
            best += idf * (Self.k1 + 1)
            for (passage, tf) in list {
                let length = Double(lengths[Int(passage)])
                let tf = Double(tf)
                let weight = idf * tf * (Self.k1 + 1)
                    / (tf + Self.k1 * (1 - Self.b + Self.b * length / averageLength))
                scores[passage, default: 0] += weight
            }
        }
        var visibility: [Int: Bool] = [:]
        var hits: [Hit] = []
        hits.reserveCapacity(scores.count)
        for (passage, score) in scores {
            let document = passages[Int(passage)].documentIndex
            let visible: Bool
            if let known = visibility[document] {
                visible = known
            } else {
                visible = isVisible(document)
                visibility[document] = visible
            }
            guard visible else { continue }
            hits.append(Hit(passage: Int(passage), score: score, normalized: best > 0 ? min(1, score / best) : 0))
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.passage < $1.passage }
        return hits
    }
}

/// The confidence bucket Q Business reports for a passage, from its normalised score.
public enum ScoreConfidence: String, Sendable {
    case veryHigh = "VERY_HIGH", high = "HIGH", medium = "MEDIUM", low = "LOW"

    public init(normalized: Double) {
        switch normalized {
        case 0.5...: self = .veryHigh
        case 0.3..<0.5: self = .high
        case 0.15..<0.3: self = .medium
        default: self = .low
        }
    }
}
