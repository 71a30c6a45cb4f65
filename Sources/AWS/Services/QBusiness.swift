/// Amazon Q Business, the customer's index (restJson1, signing name `qbusiness`).
public struct QBusiness: Sendable {
    public let client: AWSServiceClient

    public init(client: AWSServiceClient) {
        self.client = client
    }

    /// One page of `SearchRelevantContent`.
    public func searchRelevantContent(_ request: SearchRelevantContentRequest) async throws -> SearchRelevantContentPage {
        try request.validate()
        let response = try await client.send(try Self.operation(request))
        return try Self.decodePage(response.body)
    }

    /// Reads a SearchRelevantContent response body. Well-formed pages are scanned straight into
    /// the model (`JSONScanner`, over ten times cheaper in CPU than `JSONDecoder` at 100
    /// passages); anything unusual goes through `JSONDecoder`, so errors are exactly its errors.
    public static func decodePage(_ body: [UInt8]) throws(ResponseDecodingError) -> SearchRelevantContentPage {
        if let page = SearchRelevantContentPage.scanning(body) { return page }
        return try RestJSON.decode(SearchRelevantContentPage.self, from: body)
    }

    /// Every page, fetched lazily: the next request goes out only when the consumer asks for
    /// the next page, and stops with the consumer (cancellation or leaving the loop).
    public func searchRelevantContentPages(_ request: SearchRelevantContentRequest, maxPages: Int? = nil) -> SearchRelevantContentPages {
        SearchRelevantContentPages(service: self, first: request, maxPages: maxPages)
    }

    /// `POST /applications/{applicationId}/relevant-content` (exposed for serialisation tests).
    public static func operation(_ request: SearchRelevantContentRequest) throws -> OperationRequest {
        RestJSON.operation(path: "/applications/\(RestJSON.label(request.applicationID))/relevant-content",
                           body: try request.jsonBody())
    }
}
