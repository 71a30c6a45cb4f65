import TestSupport
import Foundation
import NIOConcurrencyHelpers
import Testing
@testable import AWS

struct QBusinessTests {
    static let app = "a1b2c3d4-e5f6-4a7b-8c9d-0123456789ab"
    static let retriever = "r1b2c3d4-e5f6-4a7b-8c9d-0123456789ab"

    static func page(_ index: Int, next: String?) -> Reply {
        var object: [String: Any] = ["relevantContent": [[
            "content": "passage \(index)", "documentId": "doc-\(index)", "documentTitle": "Title \(index)",
            "documentUri": "https://intranet/doc-\(index)",
            "documentAttributes": [["name": "_created_at", "value": ["dateValue": 1_764_236_160.5]],
                                   ["name": "tags", "value": ["stringListValue": ["a", "b"]]]],
            "scoreAttributes": ["scoreConfidence": index == 1 ? "VERY_HIGH" : "SOMETHING_NEW"],
        ]]]
        if let next { object["nextToken"] = next }
        return .respond(status: 200, headers: [("Content-Type", "application/json")],
                        body: Array(try! JSONSerialization.data(withJSONObject: object)))
    }

    /// Three pages linked by tokens; records the tokens it was asked for.
    static let pagedHandler: LocalHTTPServer.Handler = { request in
        let body = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] ?? [:]
        switch body["nextToken"] as? String {
        case nil: return page(1, next: "t2")
        case "t2": return page(2, next: "t3")
        default: return page(3, next: nil)
        }
    }

    @Test func pagesAreFollowedUntilTheLastOneAndPassagesDecoded() async throws {
        try await LocalHTTPServer.with(Self.pagedHandler) { server in
            try await Fixtures.withTransport { transport in
                let q = QBusiness(client: try Fixtures.client(.qbusiness, server: server, transport: transport))
                var passages: [RelevantContent] = []
                for try await page in q.searchRelevantContentPages(.init(applicationID: Self.app, queryText: "vacation", retrieverID: Self.retriever,
                                                                         maxResults: 10)) {
                    passages += page.relevantContent
                }
                #expect(passages.map(\.documentID) == ["doc-1", "doc-2", "doc-3"])
                #expect(passages[0].scoreConfidence == .veryHigh)
                #expect(passages[1].scoreConfidence == nil)
                #expect(passages[0].documentAttributes[0].value == .date(Date(timeIntervalSince1970: 1_764_236_160.5)))
                #expect(server.requests.map(\.path) == Array(repeating: "/applications/\(Self.app)/relevant-content", count: 3))
                #expect(server.requests.allSatisfy { $0.header("Authorization")?.contains("/us-east-1/qbusiness/aws4_request") == true })
            }
        }
    }

    @Test func aConsumerThatStopsEarlyFetchesNoFurtherPages() async throws {
        try await LocalHTTPServer.with(Self.pagedHandler) { server in
            try await Fixtures.withTransport { transport in
                let q = QBusiness(client: try Fixtures.client(.qbusiness, server: server, transport: transport))
                for try await page in q.searchRelevantContentPages(.init(applicationID: Self.app, queryText: "x", retrieverID: Self.retriever)) {
                    #expect(page.nextToken == "t2")
                    break
                }
                #expect(server.requests.count == 1)
            }
        }
    }

    @Test func aCancelledSearchStopsPaging() async throws {
        try await LocalHTTPServer.with(Self.pagedHandler) { server in
            try await Fixtures.withTransport { transport in
                let q = QBusiness(client: try Fixtures.client(.qbusiness, server: server, transport: transport))
                let pages = q.searchRelevantContentPages(.init(applicationID: Self.app, queryText: "x", retrieverID: Self.retriever))
                let task = Task {
                    var count = 0
                    for try await _ in pages {
                        count += 1
                        withUnsafeCurrentTask { $0?.cancel() }
                    }
                    return count
                }
                await #expect(throws: CancellationError.self) { try await task.value }
                #expect(server.requests.count == 1)
            }
        }
    }

    @Test func aMalformedApplicationIDIsRefusedBeforeAnythingIsSent() async throws {
        try await LocalHTTPServer.with(Self.pagedHandler) { server in
            try await Fixtures.withTransport { transport in
                let q = QBusiness(client: try Fixtures.client(.qbusiness, server: server, transport: transport))
                await #expect(throws: ParameterValidationError(field: "applicationId",
                                                               rule: "36 characters: a letter or digit, then letters, digits or hyphens")) {
                    _ = try await q.searchRelevantContent(.init(applicationID: Self.app + " ", queryText: "x", retrieverID: Self.retriever))
                }
                await #expect(throws: ParameterValidationError(field: "maxResults", rule: "between 1 and 100")) {
                    _ = try await q.searchRelevantContent(.init(applicationID: Self.app, queryText: "x", retrieverID: Self.retriever, maxResults: 101))
                }
                #expect(server.requests.isEmpty)
            }
        }
    }

    @Test func accessDeniedIsExplainedInTermsOfTheDataAccessorGrant() async throws {
        try await LocalHTTPServer.with({ _ in
            .text(403, #"{"message":"not authorized"}"#, headers: [("x-amzn-ErrorType", "AccessDeniedException:http://internal/"),
                                                                  ("x-amzn-RequestId", "rid-1")])
        }) { server in
            try await Fixtures.withTransport { transport in
                let q = QBusiness(client: try Fixtures.client(.qbusiness, server: server, transport: transport))
                do {
                    _ = try await q.searchRelevantContent(.init(applicationID: Self.app, queryText: "x", retrieverID: Self.retriever))
                    Issue.record("no error")
                } catch let error as AWSError {
                    #expect(error.code == "AccessDeniedException")
                    #expect(error.requestID == "rid-1")
                    #expect(error.userMessage.contains("has not granted this data accessor"))
                    #expect(server.requests.count == 1)
                }
            }
        }
    }

    @Test func everyFilterOperatorSerialisesToTheModelShape() throws {
        let filter = AttributeFilter.andAll([
            .equalsTo(DocumentAttribute(name: "_category", value: .string("HR"))),
            .not(.containsAny(DocumentAttribute(name: "tags", value: .stringList(["x"])))),
            .orAll([.greaterThan(DocumentAttribute(name: "v", value: .long(3))),
                    .lessThanOrEquals(DocumentAttribute(name: "_created_at", value: .date(Date(timeIntervalSince1970: 1_700_000_000))))]),
        ])
        let body = try RestJSON.encode(SearchRelevantContentRequest(applicationID: Self.app, queryText: "q", retrieverID: Self.retriever,
                                                                     attributeFilter: filter))
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains(#""notFilter":{"containsAny":{"name":"tags","value":{"stringListValue":["x"]}}}"#))
        #expect(text.contains(#""dateValue":1700000000"#))
        #expect(text.contains(#""contentSource":{"retriever":{"retrieverId":"\#(Self.retriever)"}}"#))
    }

    /// `decodePage` reads well-formed pages itself and hands anything odd to `JSONDecoder`;
    /// either way the caller sees what `JSONDecoder` alone would give, values and errors alike.
    @Test(arguments: [
        #"{}"#, #"{"relevantContent":null,"nextToken":null}"#, #"{"relevantContent":[{}]}"#,
        #"{"relevantContent":[{"content":"a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00 é 🔑","documentId":"d"}],"nextToken":"t"}"#,
        #"{"relevantContent":[{"documentAttributes":[{"name":"n","value":{"longValue":-9223372036854775808}}]}]}"#,
        #"{"relevantContent":[{"documentAttributes":[{"name":"n","value":{"longValue":5.0}}]}]}"#,
        #"{"relevantContent":[{"documentAttributes":[{"name":"n","value":{"dateValue":1.7e9}},{"name":"s","value":{"stringValue":null,"stringListValue":["a"]}}]}]}"#,
        #"{"relevantContent":[{"scoreAttributes":{"scoreConfidence":"VERY_HIGH","extra":[1,-0.5e+3,{"y":true},null]}}]}"#,
        #"{"relevantContent":[{"scoreAttributes":{"scoreConfidence":"NEW_BUCKET"}}]}"#,
        #"{"nextToken":"a","nextToken":"b"}"#, #"{"relevantContent":[{"content":"\ud83d"}]}"#,
        #"{"relevantContent":[{"content":5}]}"#, #"{"relevantContent":[{"documentAttributes":[{"name":"n","value":{}}]}]}"#,
        #"{"relevantContent":[]} trailing"#, #"[]"#, #""#, #"{"a":01}"#, "{\"relevantContent\":[{\"content\":\"raw\u{1}\"}]}",
    ])
    func aPageDecodesAsJSONDecoderWouldDecodeIt(body: String) {
        let fast = Result { () throws(ResponseDecodingError) in try QBusiness.decodePage(Array(body.utf8)) }
        let reference = Result { () throws(ResponseDecodingError) in try RestJSON.decode(SearchRelevantContentPage.self, from: Array(body.utf8)) }
        #expect(fast == reference)
    }

    @Test func invalidUTF8InAPassageIsRefusedAsJSONDecoderRefusesIt() {
        let body = Array(#"{"relevantContent":[{"content":"ok "#.utf8) + [0xC3, 0x28] + Array(#""}]}"#.utf8)
        let fast = Result { () throws(ResponseDecodingError) in try QBusiness.decodePage(body) }
        let reference = Result { () throws(ResponseDecodingError) in try RestJSON.decode(SearchRelevantContentPage.self, from: body) }
        #expect(fast == reference)
    }
}
