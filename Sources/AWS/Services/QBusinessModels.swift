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

    /// The body `RestJSON.encode(self)` gives, written directly (the sorted key order:
    /// attributeFilter, contentSource, maxResults, nextToken, queryText). The filter, rare and
    /// recursive, still goes through `JSONEncoder`.
    func jsonBody() throws -> [UInt8] {
        var body = JSONBodyWriter(capacity: queryText.utf8.count + retrieverID.utf8.count + (nextToken?.utf8.count ?? 0) + 96)
        body.append(raw: "{")
        if let attributeFilter {
            body.append(raw: #""attributeFilter":"#)
            body.append(raw: try RestJSON.encode(attributeFilter))
            body.append(raw: ",")
        }
        body.append(raw: #""contentSource":{"retriever":{"retrieverId":"#)
        body.append(retrieverID)
        body.append(raw: "}}")
        if let maxResults {
            body.append(raw: #","maxResults":"#)
            body.append(maxResults)
        }
        if let nextToken {
            body.append(raw: #","nextToken":"#)
            body.append(nextToken)
        }
        body.append(raw: #","queryText":"#)
        body.append(queryText)
        body.append(raw: "}")
        return body.bytes
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

/// How sure Q Business is that a passage answers the query (its `scoreConfidence` buckets):
/// the one confidence type, which the domain calls `Confidence` and the sandbox assigns.
public enum ScoreConfidence: String, Sendable, Hashable, CaseIterable, Codable {
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
