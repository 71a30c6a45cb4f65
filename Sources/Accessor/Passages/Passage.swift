import AWS
import Foundation

/// One retrieved passage, as SearchRelevantContent returns it, with its rank in the answer
/// to one question (1 = best; rank is the order of arrival across pages).
public struct Passage: Sendable, Equatable, Identifiable {
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

// Confidence, attributes and filters are Q Business's own shapes; the AWS module defines them once.
public typealias Confidence = AWS.ScoreConfidence
public typealias DocumentAttribute = AWS.DocumentAttribute
public typealias DocumentAttributeValue = AWS.DocumentAttributeValue
public typealias AttributeFilter = AWS.AttributeFilter
