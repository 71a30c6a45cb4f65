import Foundation

/// `qbusiness:SearchRelevantContent` input (one page).
public struct SearchRelevantContentRequest: Sendable, Equatable, Encodable {
    public var applicationID: String
    public var queryText: String
    public var retrieverID: String
    public var attributeFilter: AttributeFilter?
    public var maxResults: Int?
    public var nextToken: String?

    public init(applicationID: String, queryText: String, retrieverID: String, attributeFilter: AttributeFilter? = nil,
                maxResults: Int? = nil, nextToken: String? = nil) {
        self.applicationID = applicationID
        self.queryText = queryText
        self.retrieverID = retrieverID
        self.attributeFilter = attributeFilter
        self.maxResults = maxResults
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey { case queryText, contentSource, attributeFilter, maxResults, nextToken }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(queryText, forKey: .queryText)
        try container.encode(["retriever": ["retrieverId": retrieverID]], forKey: .contentSource)
        try container.encodeIfPresent(attributeFilter, forKey: .attributeFilter)
        try container.encodeIfPresent(maxResults, forKey: .maxResults)
        try container.encodeIfPresent(nextToken, forKey: .nextToken)
    }

    public func validate() throws(ParameterValidationError) {
        try ParameterRules.resourceID(applicationID, field: "applicationId")
        try ParameterRules.resourceID(retrieverID, field: "contentSource.retriever.retrieverId")
        guard !queryText.isEmpty else { throw ParameterValidationError(field: "queryText", rule: "not empty") }
        if let maxResults { try ParameterRules.range(maxResults, 1...100, field: "maxResults") }
        if let nextToken { try ParameterRules.length(nextToken, 1...800, field: "nextToken") }
        try attributeFilter?.validate()
    }
}

/// How sure Q Business is that a passage answers the query.
public enum ScoreConfidence: String, Sendable, Equatable, Codable {
    case veryHigh = "VERY_HIGH"
    case high = "HIGH"
    case medium = "MEDIUM"
    case low = "LOW"
    case notAvailable = "NOT_AVAILABLE"
}

/// One passage of a search result.
public struct RelevantContent: Sendable, Equatable, Decodable {
    public var content: String?
    public var documentID: String?
    public var documentTitle: String?
    public var documentURI: String?
    public var documentAttributes: [DocumentAttribute]
    /// `nil` when the service sent a confidence this client does not know yet.
    public var scoreConfidence: ScoreConfidence?

    enum CodingKeys: String, CodingKey {
        case content, documentId, documentTitle, documentUri, documentAttributes, scoreAttributes
    }

    struct ScoreAttributes: Decodable { var scoreConfidence: String? }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        content = try container.decodeIfPresent(String.self, forKey: .content)
        documentID = try container.decodeIfPresent(String.self, forKey: .documentId)
        documentTitle = try container.decodeIfPresent(String.self, forKey: .documentTitle)
        documentURI = try container.decodeIfPresent(String.self, forKey: .documentUri)
        documentAttributes = try container.decodeIfPresent([DocumentAttribute].self, forKey: .documentAttributes) ?? []
        scoreConfidence = try container.decodeIfPresent(ScoreAttributes.self, forKey: .scoreAttributes)?
            .scoreConfidence.flatMap(ScoreConfidence.init(rawValue:))
    }
}

/// One page of passages and the token for the next page (absent on the last page).
public struct SearchRelevantContentPage: Sendable, Equatable, Decodable {
    public var relevantContent: [RelevantContent]
    public var nextToken: String?

    enum CodingKeys: String, CodingKey { case relevantContent, nextToken }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        relevantContent = try container.decodeIfPresent([RelevantContent].self, forKey: .relevantContent) ?? []
        nextToken = try container.decodeIfPresent(String.self, forKey: .nextToken)
    }
}


// SearchRelevantContent pages read from a `JSONTree` instead of through `JSONDecoder`: the same
// values, field for field, as the `Decodable` conformances in QBusinessModels.swift produce.
// Whenever those would throw, or the tree holds something they might read differently, this
// path refuses and `QBusiness.decodePage` falls back to `JSONDecoder`.

extension SearchRelevantContentPage {
    init?(tree: JSONTree) {
        do throws(JSONTree.Refused) {
            relevantContent = try tree.optionalArray("relevantContent")?.map { element throws(JSONTree.Refused) in
                try RelevantContent(tree: element)
            } ?? []
            nextToken = try tree.optionalString("nextToken")
        } catch {
            return nil
        }
    }
}

extension RelevantContent {
    init(tree: JSONTree) throws(JSONTree.Refused) {
        guard case .object = tree else { throw JSONTree.Refused() }
        content = try tree.optionalString("content")
        documentID = try tree.optionalString("documentId")
        documentTitle = try tree.optionalString("documentTitle")
        documentURI = try tree.optionalString("documentUri")
        documentAttributes = try tree.optionalArray("documentAttributes")?.map { element throws(JSONTree.Refused) in
            try DocumentAttribute(tree: element)
        } ?? []
        if let score = try tree.optional("scoreAttributes") {
            guard case .object = score else { throw JSONTree.Refused() }
            scoreConfidence = try score.optionalString("scoreConfidence").flatMap(ScoreConfidence.init(rawValue:))
        } else {
            scoreConfidence = nil
        }
    }
}

extension DocumentAttribute {
    init(tree: JSONTree) throws(JSONTree.Refused) {
        guard case .object = tree, let name = try tree.optionalString("name"), let value = try tree.optional("value") else {
            throw JSONTree.Refused()
        }
        self.init(name: name, value: try DocumentAttributeValue(tree: value))
    }
}

extension DocumentAttributeValue {
    /// The first present, non-null member wins, in the order the `Decodable` conformance tries them.
    init(tree: JSONTree) throws(JSONTree.Refused) {
        guard case .object = tree else { throw JSONTree.Refused() }
        if let text = try tree.optionalString("stringValue") {
            self = .string(text)
        } else if let list = try tree.optionalArray("stringListValue") {
            self = .stringList(try list.map { item throws(JSONTree.Refused) in
                guard case .string(let text) = item else { throw JSONTree.Refused() }
                return text
            })
        } else if let number = try tree.optional("longValue") {
            // Only plain integers; `JSONDecoder` has its own views on `1.0` or `1e3` as Int64.
            guard case .number(let text) = number, !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }),
                  let value = Int64(text) else { throw JSONTree.Refused() }
            self = .long(value)
        } else if let number = try tree.optional("dateValue") {
            guard case .number(let text) = number, let seconds = Double(text), seconds.isFinite else { throw JSONTree.Refused() }
            self = .date(Date(timeIntervalSince1970: seconds))
        } else {
            throw JSONTree.Refused()
        }
    }
}

extension JSONTree {
    /// The fast path does not apply; decode with `JSONDecoder` instead.
    struct Refused: Error {}

    /// What `decodeIfPresent` sees: `nil` for an absent or null member.
    func optional(_ key: String) throws(Refused) -> JSONTree? {
        switch member(key) {
        case .value(.null), .absent: return nil
        case .value(let value): return value
        case .duplicate, .notAnObject: throw Refused()
        }
    }

    func optionalString(_ key: String) throws(Refused) -> String? {
        guard let value = try optional(key) else { return nil }
        guard case .string(let text) = value else { throw Refused() }
        return text
    }

    func optionalArray(_ key: String) throws(Refused) -> [JSONTree]? {
        guard let value = try optional(key) else { return nil }
        guard case .array(let elements) = value else { throw Refused() }
        return elements
    }
}
