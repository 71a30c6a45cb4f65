import Accessor
import AWS
import Foundation
import Testing
@testable import Assistant

/// Bedrock's native citations, replayed from a recorded stream (Fixtures/bedrock, built to
/// bedrock-runtime's shapes and checked with botocore by Interop/aws/run.sh), and the newer
/// stream events: reasoning kept out of the answer, in-stream exceptions and stop reasons in words.
@Suite("Bedrock native citations and stream events")
struct NativeCitationStreamTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/bedrock")

    static func recorded(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name + ".eventstream")))
    }

    /// The passages of the prompt: ranks 3 and 5 are the first and second search results sent.
    static let sources = [
        ModelRequest.Source(number: 3, title: "Failover runbook", uri: "https://wiki.example/failover",
                            text: "Database failover starts with promoting the replica."),
        ModelRequest.Source(number: 5, title: "Endpoints", uri: "https://wiki.example/endpoints",
                            text: "The writer endpoint follows the new primary within a minute. Clients reconnect on their own."),
    ]

    func model(_ transport: CannedTransport, citations: BedrockConverseModel.Options.Citations = .native) throws -> BedrockConverseModel {
        let account = ISVAccount(baseCredentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKIDISVBASE", secretAccessKey: "base-secret")),
                                 roleARN: "arn:aws:iam::111122223333:role/QseekDataAccessor", region: "us-east-1")
        let endpoints = EndpointResolver(environment: [:], overrides: [.bedrockRuntime: "http://127.0.0.1:9"])
        return try BedrockConverseModel(modelID: "anthropic.claude-sonnet-4", region: "us-east-1", account: account, endpoints: endpoints,
                                        transport: transport,
                                        options: .init(citations: citations, guardrail: GuardrailConfiguration(identifier: "gr1", version: "2"),
                                                       serviceTier: .priority))
    }

    static let request = ModelRequest(prompt: "[3] Failover runbook\n…\n\nQuestion: how does failover start?",
                                      question: "how does failover start?", sources: sources)

    func answer(_ model: BedrockConverseModel, _ request: ModelRequest = request) async throws -> (text: String, events: [ModelEvent]) {
        var events: [ModelEvent] = []
        for try await event in model.answer(request) { events.append(event) }
        let text = events.map { if case .text(let delta) = $0 { delta } else { "" } }.joined()
        return (text, events)
    }

    @Test("A recorded native-citation stream reads as the same [n] markers a prompted answer has, reasoning left out")
    func recordedStreamBecomesMarkers() async throws {
        let transport = CannedTransport(body: try Self.recorded("native-citations"))
        let (text, events) = try await answer(try model(transport))
        #expect(text == "Database failover starts with promoting the replica [3], and the writer endpoint follows within a minute [5]. Nothing else is needed.")
        #expect(!text.contains("runbook answers this"))
        #expect(Citation.markers(in: text) == [3, 5])
        #expect(events.contains(.stopped(reason: "end_turn")))
        #expect(events.contains(.usage(ModelUsage(inputTokens: 412, outputTokens: 37, latencyMilliseconds: 812))))
    }

    @Test("Native mode sends the passages as searchResult blocks with citations, then the question; guardrail and tier pass through")
    func nativeRequestShape() async throws {
        let transport = CannedTransport(body: try Self.recorded("native-citations"))
        _ = try await answer(try model(transport))
        let sent = try #require(transport.requests.withLock { $0.first }?.body)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(sent)) as? [String: Any])
        let content = try #require(((body["messages"] as? [[String: Any]])?.last?["content"]) as? [[String: Any]])
        let results = content.compactMap { $0["searchResult"] as? [String: Any] }
        #expect(results.map { $0["source"] as? String } == ["https://wiki.example/failover", "https://wiki.example/endpoints"])
        #expect(results.allSatisfy { ($0["citations"] as? [String: Bool]) == ["enabled": true] })
        #expect((content.last?["text"] as? String)?.hasSuffix("Question: how does failover start?") == true)
        #expect(!String(decoding: sent, as: UTF8.self).contains("[3] Failover runbook"))
        #expect((body["guardrailConfig"] as? [String: String]) == ["guardrailIdentifier": "gr1", "guardrailVersion": "2"])
        #expect((body["serviceTier"] as? [String: String]) == ["type": "priority"])
    }

    @Test("Markers mode keeps today's [n] prompt")
    func markersModeSendsThePrompt() async throws {
        let transport = CannedTransport(body: try Self.recorded("native-citations"))
        _ = try await answer(try model(transport, citations: .markers))
        let sent = String(decoding: try #require(transport.requests.withLock { $0.first }?.body), as: UTF8.self)
        #expect(!sent.contains("searchResult"))
        #expect(sent.contains("Question: how does failover start?"))
    }

    @Test("A citation of a search result that was not sent adds no marker")
    func unknownSearchResultIsIgnored() {
        var markers = CitationMarkers(sources: Self.sources)
        markers.noteText("text")
        #expect(markers.marker(for: CitationDelta(searchResultIndex: 7)) == nil)
        #expect(markers.marker(for: CitationDelta(source: "https://wiki.example/endpoints")) == " [5]")
        #expect(markers.marker(for: CitationDelta(searchResultIndex: 1)) == nil)  // just given
        #expect(markers.marker(for: CitationDelta(searchResultIndex: 0)) == " [3]")
    }

    static func exception(_ type: String, _ json: String) -> [UInt8] {
        EventStreamEncoder.exception(type, payload: Array(json.utf8))
    }

    @Test("An in-stream exception keeps the deltas before it and is worded as a cut-off answer",
          arguments: [
              ("modelStreamErrorException", #"{"message":"m","originalStatusCode":529,"originalMessage":"Overloaded"}"#, "HTTP 529: Overloaded"),
              ("throttlingException", #"{"message":"Too many tokens"}"#, "throttled the answer"),
              ("serviceUnavailableException", #"{"message":"down"}"#, "unavailable while writing"),
              ("validationException", #"{"message":"bad output"}"#, "as invalid while writing"),
              ("internalServerException", #"{"message":"oops"}"#, "internal error while writing"),
          ])
    func inStreamExceptions(type: String, payload: String, words: String) async throws {
        let body = BedrockConverseModelTests.event("messageStart", #"{"role":"assistant"}"#)
            + BedrockConverseModelTests.event("contentBlockDelta", #"{"contentBlockIndex":0,"delta":{"text":"Partial "}}"#)
            + Self.exception(type, payload)
        var texts: [String] = []
        do {
            for try await event in try model(CannedTransport(body: body)).answer(Self.request) {
                if case .text(let delta) = event { texts.append(delta) }
            }
            Issue.record("the exception was swallowed")
        } catch let error as ModelError {
            #expect(error.userMessage.contains(words), "\(error.userMessage)")
            #expect(error.userMessage.contains("marked as cut off"))
        }
        #expect(texts == ["Partial "])
    }

    @Test("Stop reasons that leave the answer incomplete are worded; normal ends are not",
          arguments: ["model_context_window_exceeded", "guardrail_intervened", "content_filtered", "malformed_model_output", "max_tokens"])
    func stopReasonsAreWorded(reason: String) {
        guard let notice = StopReason.notice(reason) else {
            Issue.record("\(reason) has no words")
            return
        }
        #expect(!notice.contains(reason), "the raw reason is no wording")
    }

    @Test func normalStopsHaveNoNotice() {
        #expect(StopReason.notice("end_turn") == nil)
        #expect(StopReason.notice("stop") == nil)
        #expect(StopReason.notice("stop_sequence") == nil)
    }
}
