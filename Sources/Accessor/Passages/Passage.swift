import Foundation

/// One retrieved passage, as SearchRelevantContent returns it, with its rank in the answer
/// to one question (1 = best; rank is the order of arrival across pages).
public struct Passage: Sendable, Hashable, Identifiable {
    public var rank: Int
    public var documentID: String
    public var title: String
    public var uri: String?
    public var content: String
    public var confidence: Confidence
    public var attributes: [DocumentAttribute]

    public var id: Int { rank }

    public init(rank: Int, documentID: String, title: String, uri: String?, content: String,
                confidence: Confidence, attributes: [DocumentAttribute] = []) {
        self.rank = rank
        self.documentID = documentID
        self.title = title
        self.uri = uri
        self.content = content
        self.confidence = confidence
        self.attributes = attributes
    }
}

/// Q Business's `scoreConfidence` buckets.
public enum Confidence: String, Sendable, Hashable, CaseIterable, Codable {
    case veryHigh = "VERY_HIGH"
    case high = "HIGH"
    case medium = "MEDIUM"
    case low = "LOW"
    case notAvailable = "NOT_AVAILABLE"
}

/// A document attribute: a name and one typed value (Q Business `DocumentAttribute`).
public struct DocumentAttribute: Sendable, Hashable {
    public var name: String
    public var value: Value

    public init(name: String, value: Value) {
        self.name = name
        self.value = value
    }

    public enum Value: Sendable, Hashable {
        case string(String)
        case stringList([String])
        case long(Int64)
        /// Sent on the wire as epoch seconds.
        case date(Date)
    }
}
