import enum AWS.ScoreConfidence
import Foundation

/// An inverted index over passages with Okapi BM25 ranking (k1 = 1.2, b = 0.75).
///
/// Built once when the corpus loads; a query touches only the postings of its own terms, which
/// keeps a search over ten thousand documents in the low milliseconds.
public struct SearchIndex: Sendable {
    public static let k1 = 1.2
    public static let b = 0.75

    public let passages: [Passage]
    /// `passages[i].documentIndex`, kept apart so ranking never touches passage text.
    private let passageDocuments: [Int32]
    private let documentCount: Int
    private let postings: [String: [(passage: Int32, frequency: Int32)]]
    /// Per passage, the BM25 length normalisation `k1 * (1 - b + b * length / averageLength)`.
    private let lengthNorms: [Double]

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
        var lengths: [Double] = []
        for (index, document) in documents.enumerated() {
            let titleTerms = Tokenizer.terms(document.title)
            for passage in Passage.split(document.body, documentIndex: index) {
                let id = Int32(passages.count)
                passages.append(passage)
                let terms = titleTerms + Tokenizer.terms(passage.text)
                lengths.append(Double(terms.count))
                var counts: [String: Int32] = [:]
                for term in terms { counts[term, default: 0] += 1 }
                for (term, count) in counts { postings[term, default: []].append((id, count)) }
            }
        }
        let average = lengths.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Double(lengths.count))
        self.passages = passages
        passageDocuments = passages.map { Int32($0.documentIndex) }
        self.postings = postings
        documentCount = documents.count
        lengthNorms = lengths.map { Self.k1 * (1 - Self.b + Self.b * $0 / average) }
    }

    /// Ranks the passages that match at least one query term and that `isVisible` accepts
    /// (by document index), best first; ties break on passage order so paging is stable.
    public func search(_ query: String, isVisible: (Int) -> Bool) -> [Hit] {
        scoredHits(query, isVisible: isVisible).sorted(by: Self.ranksBefore)
    }

    /// The best `limit` hits in order, and how many hits there are in all: what one page needs,
    /// without sorting every match.
    public func top(_ limit: Int, for query: String, isVisible: (Int) -> Bool) -> (hits: [Hit], total: Int) {
        let hits = scoredHits(query, isVisible: isVisible)
        guard limit < hits.count / 4 else { return (Array(hits.sorted(by: Self.ranksBefore).prefix(limit)), hits.count) }
        var top: [Hit] = []
        top.reserveCapacity(limit + 1)
        for hit in hits {
            if top.count == limit, let last = top.last, !Self.ranksBefore(hit, last) { continue }
            let position = top.firstIndex { Self.ranksBefore(hit, $0) } ?? top.endIndex
            top.insert(hit, at: position)
            if top.count > limit { top.removeLast() }
        }
        return (top, hits.count)
    }

    static func ranksBefore(_ lhs: Hit, _ rhs: Hit) -> Bool {
        lhs.score != rhs.score ? lhs.score > rhs.score : lhs.passage < rhs.passage
    }

    private func scoredHits(_ query: String, isVisible: (Int) -> Bool) -> [Hit] {
        let terms = Array(Set(Tokenizer.terms(query)))
        guard !terms.isEmpty, !passages.isEmpty else { return [] }
        let count = Double(passages.count)
        var scores = [Double](repeating: 0, count: passages.count)
        var touched: [Int32] = []
        var best = 0.0
        for term in terms {
            guard let list = postings[term] else { continue }
            let frequency = Double(list.count)
            let idf = log(1 + (count - frequency + 0.5) / (frequency + 0.5))
            best += idf * (Self.k1 + 1)
            let scale = idf * (Self.k1 + 1)
            for (passage, tf) in list {
                let slot = Int(passage)
                if scores[slot] == 0 { touched.append(passage) }
                let tf = Double(tf)
                scores[slot] += scale * tf / (tf + lengthNorms[slot])
            }
        }
        // 0 = not asked yet, 1 = visible, 2 = hidden: the ACL and filters run once per document.
        var visibility = [UInt8](repeating: 0, count: documentCount)
        var hits: [Hit] = []
        hits.reserveCapacity(touched.count)
        for passage in touched {
            let slot = Int(passage)
            let document = Int(passageDocuments[slot])
            if visibility[document] == 0 { visibility[document] = isVisible(document) ? 1 : 2 }
            guard visibility[document] == 1 else { continue }
            let score = scores[slot]
            hits.append(Hit(passage: slot, score: score, normalized: best > 0 ? min(1, score / best) : 0))
        }
        return hits
    }
}

extension ScoreConfidence {
    /// The confidence bucket Q Business reports for a passage, from its normalised score.
    public init(normalized: Double) {
        switch normalized {
        case 0.5...: self = .veryHigh
        case 0.3..<0.5: self = .high
        case 0.15..<0.3: self = .medium
        default: self = .low
        }
    }
}
