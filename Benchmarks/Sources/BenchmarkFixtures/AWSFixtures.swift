import AWS
import Foundation

/// The inputs of the AWS benchmarks. `Benchmarks/compare/run.sh` writes the same values to a JSON
/// file that both botocore and `qseek-bench-probe` read, so the two sides sign and parse the
/// same bytes.
public struct AWSInputs: Sendable, Decodable {
    public var accessKey: String
    public var secretKey: String
    public var sessionToken: String
    public var region: String
    public var host: String
    public var timestamp: Double
    public var applicationID: String
    public var retrieverID: String
    public var queryText: String
    public var maxResults: Int
    /// The body of a 100-passage SearchRelevantContent response.
    public var responseBody: String

    enum CodingKeys: String, CodingKey {
        case accessKey = "access_key", secretKey = "secret_key", sessionToken = "session_token", region, host, timestamp
        case applicationID = "application_id", retrieverID = "retriever_id", queryText = "query_text"
        case maxResults = "max_results", responseBody = "response_body"
    }

    public static func load(_ path: String) throws -> AWSInputs {
        try JSONDecoder().decode(AWSInputs.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The defaults used by the in-process benchmarks (the compare script generates its own).
    public static let standard = AWSInputs(
        accessKey: "ASIAEXAMPLEEXAMPLE01", secretKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        sessionToken: String(repeating: "IQoJb3JpZ2luX2VjEXAMPLE", count: 20), region: "us-east-1",
        host: "qbusiness.us-east-1.api.aws", timestamp: 1_767_225_600,
        applicationID: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", retrieverID: "r1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
        queryText: "What is the quarterly planning process?", maxResults: 100,
        responseBody: AWSInputs.searchResponse(passages: 100))

    public init(accessKey: String, secretKey: String, sessionToken: String, region: String, host: String, timestamp: Double,
                applicationID: String, retrieverID: String, queryText: String, maxResults: Int, responseBody: String) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.sessionToken = sessionToken
        self.region = region
        self.host = host
        self.timestamp = timestamp
        self.applicationID = applicationID
        self.retrieverID = retrieverID
        self.queryText = queryText
        self.maxResults = maxResults
        self.responseBody = responseBody
    }

    /// A SearchRelevantContent response with `passages` passages of realistic size (~1 KB each).
    public static func searchResponse(passages: Int) -> String {
        let sentence = "Quarterly planning starts six weeks before the quarter; each team drafts goals, "
            + "estimates capacity and reviews dependencies with the programme office. "
        let items = (1...passages).map { index in
            let content = String(repeating: sentence, count: 6)
            return #"{"content":"\#(content)","documentId":"doc-\#(index)","documentTitle":"Planning handbook part \#(index)","#
                + #""documentUri":"https://wiki.acme.example/planning/\#(index)","#
                + #""documentAttributes":[{"name":"_category","value":{"stringValue":"planning"}},"#
                + #"{"name":"_created_at","value":{"dateValue":1704067200}}],"#
                + #""scoreAttributes":{"scoreConfidence":"HIGH"}}"#
        }
        return #"{"relevantContent":["# + items.joined(separator: ",") + #"],"nextToken":"page-2"}"#
    }

    public var credentials: Credentials {
        Credentials(accessKeyID: accessKey, secretAccessKey: secretKey, sessionToken: sessionToken)
    }

    public var date: Date { Date(timeIntervalSince1970: timestamp) }

    public var searchRequest: SearchRelevantContentRequest {
        SearchRelevantContentRequest(applicationID: applicationID, queryText: queryText, retrieverID: retrieverID, maxResults: maxResults)
    }
}

/// The work qseek does for one SearchRelevantContent call, minus the socket: what
/// `AWSServiceClient` and `QBusiness` do around `send`.
public struct SearchRound: Sendable {
    public let inputs: AWSInputs
    public let signer: SigV4Signer
    public let response: [UInt8]

    public init(inputs: AWSInputs) {
        self.inputs = inputs
        signer = SigV4Signer(region: inputs.region, service: "qbusiness")
        response = Array(inputs.responseBody.utf8)
    }

    /// Serialises and signs the request; returns the signed request.
    public func buildAndSign() throws -> SignableRequest {
        let request = inputs.searchRequest
        try request.validate()
        let operation = try QBusiness.operation(request)
        var headers = operation.headers
        headers.append(("Host", inputs.host))
        let signable = SignableRequest(method: operation.method, path: operation.path, query: operation.query,
                                       headers: headers, body: operation.body)
        return signer.sign(signable, credentials: inputs.credentials, at: inputs.date).request
    }

    /// Parses the 100-passage response as `QBusiness.searchRelevantContent` does.
    public func parse() throws -> SearchRelevantContentPage {
        try QBusiness.decodePage(response)
    }

    /// Parses it through `JSONDecoder` alone: the path before `QBusiness.decodePage`, kept as
    /// the reference the fast path is measured against.
    public func parseWithJSONDecoder() throws -> SearchRelevantContentPage {
        try RestJSON.decode(SearchRelevantContentPage.self, from: response)
    }

    /// One whole round: serialise, sign, parse. Returns the passage count so the work is used.
    public func run() throws -> Int {
        let signed = try buildAndSign()
        let page = try parse()
        return page.relevantContent.count + signed.headers.count
    }

    /// The signing benchmark's request: the serialised SearchRelevantContent call, signed alone.
    public func signableRequest() throws -> SignableRequest {
        let operation = try QBusiness.operation(inputs.searchRequest)
        var headers = operation.headers
        headers.append(("Host", inputs.host))
        return SignableRequest(method: operation.method, path: operation.path, query: operation.query, headers: headers, body: operation.body)
    }
}
