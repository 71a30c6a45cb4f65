import Foundation
import Testing
@testable import AWS

/// bedrock-runtime 2023-09-30's newer ConverseStream shapes: search results with citations,
/// guardrail and service tier in the request; reasoning and citation deltas in the answer.
struct BedrockRuntimeCurrencyTests {
    static func json(_ request: ConverseStreamRequest) throws -> [String: Any] {
        let operation = try BedrockRuntime.operation(request)
        return try #require(try JSONSerialization.jsonObject(with: Data(operation.body)) as? [String: Any])
    }

    static func event(_ json: String) throws -> ConverseStreamEvent? {
        let message = EventStreamMessage(headers: [(":event-type", .string("contentBlockDelta")), (":message-type", .string("event"))],
                                         payload: Array(json.utf8))
        return try BedrockRuntime.event(from: message, service: "bedrock")
    }

    @Test func searchResultsGoBeforeTheTextWithCitationsEnabled() throws {
        let message = ConversationMessage(role: .user, text: "Question: why?", searchResults: [
            SearchResultBlock(source: "https://wiki/a", title: "A", content: ["alpha"]),
        ])
        let body = try Self.json(ConverseStreamRequest(modelID: "m", messages: [message]))
        let content = try #require(((body["messages"] as? [[String: Any]])?.first?["content"]) as? [[String: Any]])
        #expect(content.count == 2)
        let result = try #require(content[0]["searchResult"] as? [String: Any])
        #expect(result["source"] as? String == "https://wiki/a")
        #expect(result["title"] as? String == "A")
        #expect((result["content"] as? [[String: String]]) == [["text": "alpha"]])
        #expect((result["citations"] as? [String: Bool]) == ["enabled": true])
        #expect(content[1]["text"] as? String == "Question: why?")
    }

    @Test func guardrailAndServiceTierPassThrough() throws {
        let request = ConverseStreamRequest(modelID: "m", messages: [ConversationMessage(role: .user, text: "hi")],
                                            guardrailConfig: GuardrailConfiguration(identifier: "gr1abc", version: "DRAFT"),
                                            serviceTier: .flex)
        try request.validate()
        let body = try Self.json(request)
        #expect((body["guardrailConfig"] as? [String: String]) == ["guardrailIdentifier": "gr1abc", "guardrailVersion": "DRAFT"])
        #expect((body["serviceTier"] as? [String: String]) == ["type": "flex"])
        let plain = try Self.json(ConverseStreamRequest(modelID: "m", messages: [ConversationMessage(role: .user, text: "hi")]))
        #expect(plain["guardrailConfig"] == nil && plain["serviceTier"] == nil)
    }

    @Test(arguments: [("Bad Id", "1"), ("gr1", "0"), ("gr1", "draft"), ("gr1", "123456789"), ("", "1")])
    func guardrailsOutsideTheModelsPatternsAreRefusedBeforeSending(identifier: String, version: String) {
        #expect(throws: ParameterValidationError.self) {
            try ConverseStreamRequest.validateGuardrail(identifier: identifier, version: version)
        }
    }

    @Test func aGuardrailARNIsAccepted() throws {
        try ConverseStreamRequest.validateGuardrail(identifier: "arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123", version: "12")
    }

    @Test func reasoningDeltasAreTheirOwnEvent() throws {
        #expect(try Self.event(#"{"contentBlockIndex":0,"delta":{"reasoningContent":{"text":"thinking"}}}"#)
            == .reasoningDelta(index: 0, text: "thinking"))
        // Redacted reasoning has no text: nothing to show.
        #expect(try Self.event(#"{"contentBlockIndex":0,"delta":{"reasoningContent":{"redactedContent":"AAAA"}}}"#) == nil)
    }

    @Test func citationDeltasNameTheirSearchResult() throws {
        let json = #"""
        {"contentBlockIndex":1,"delta":{"citation":{"title":"A","source":"https://wiki/a","sourceContent":[{"text":"alpha"}],
         "location":{"searchResultLocation":{"searchResultIndex":2,"start":0,"end":0}}}}}
        """#
        #expect(try Self.event(json) == .citationDelta(index: 1, CitationDelta(title: "A", source: "https://wiki/a",
                                                                             searchResultIndex: 2, sourceText: ["alpha"])))
    }
}
