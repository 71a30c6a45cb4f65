import TestSupport
import Foundation
import Testing
@testable import AWS

struct BedrockRuntimeTests {
    static func event(_ type: String, _ json: String) -> [UInt8] {
        EventStreamEncoder.encode(EventStreamMessage(headers: [
            (":event-type", .string(type)), (":content-type", .string("application/json")), (":message-type", .string("event")),
        ], payload: Array(json.utf8)))
    }

    static let answer: [UInt8] =
        event("messageStart", #"{"role":"assistant"}"#)
        + event("contentBlockDelta", #"{"contentBlockIndex":0,"delta":{"text":"Hello"}}"#)
        + event("contentBlockDelta", #"{"contentBlockIndex":0,"delta":{"text":", world"}}"#)
        + event("contentBlockStop", #"{"contentBlockIndex":0}"#)
        + event("messageStop", #"{"stopReason":"end_turn"}"#)
        + event("metadata", #"{"usage":{"inputTokens":10,"outputTokens":3,"totalTokens":13},"metrics":{"latencyMs":42}}"#)

    static let request = ConverseStreamRequest(modelID: "anthropic.claude-3-haiku-20240307-v1:0",
                                               messages: [ConversationMessage(role: .user, text: "hi")])

    @Test func anAnswerStreamedInOddChunksArrivesAsTypedEvents() async throws {
        let chunks = stride(from: 0, to: Self.answer.count, by: 7).map { Array(Self.answer[$0..<min($0 + 7, Self.answer.count)]) }
        try await LocalHTTPServer.with({ _ in
            .stream(status: 200, headers: [("Content-Type", "application/vnd.amazon.eventstream")], chunks: chunks)
        }) { server in
            try await Fixtures.withTransport { transport in
                let bedrock = BedrockRuntime(client: try Fixtures.client(.bedrockRuntime, server: server, transport: transport))
                var events: [ConverseStreamEvent] = []
                for try await event in try await bedrock.converseStream(Self.request) { events.append(event) }
                #expect(events == [
                    .messageStart(role: "assistant"), .contentBlockDelta(index: 0, text: "Hello"), .contentBlockDelta(index: 0, text: ", world"),
                    .contentBlockStop(index: 0), .messageStop(stopReason: "end_turn"),
                    .metadata(usage: TokenUsage(inputTokens: 10, outputTokens: 3, totalTokens: 13), latencyMilliseconds: 42),
                ])
                let sent = try #require(server.requests.first)
                #expect(sent.path == "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream")
                #expect(sent.header("Authorization")?.contains("/bedrock/aws4_request") == true)
            }
        }
    }

    @Test func anInStreamExceptionEndsTheStreamWithAnAWSError() async throws {
        let exception = EventStreamEncoder.encode(EventStreamMessage(headers: [
            (":exception-type", .string("throttlingException")), (":content-type", .string("application/json")),
            (":message-type", .string("exception")),
        ], payload: Array(#"{"message":"Too many tokens"}"#.utf8)))
        try await LocalHTTPServer.with({ _ in
            .stream(status: 200, headers: [], chunks: [Self.event("messageStart", #"{"role":"assistant"}"#), exception])
        }) { server in
            try await Fixtures.withTransport { transport in
                let bedrock = BedrockRuntime(client: try Fixtures.client(.bedrockRuntime, server: server, transport: transport))
                var events: [ConverseStreamEvent] = []
                do {
                    for try await event in try await bedrock.converseStream(Self.request) { events.append(event) }
                    Issue.record("the exception was swallowed")
                } catch let error as AWSError {
                    #expect(error.code == "ThrottlingException")
                    #expect(error.message == "Too many tokens")
                    #expect(error.isThrottling)
                }
                #expect(events == [.messageStart(role: "assistant")])
            }
        }
    }

    @Test func aCorruptedFrameEndsTheStreamWithAnEventStreamError() async throws {
        var corrupted = Self.answer
        corrupted[20] ^= 0x40
        let frames = [corrupted]
        try await LocalHTTPServer.with({ _ in .stream(status: 200, headers: [], chunks: frames) }) { server in
            try await Fixtures.withTransport { transport in
                let bedrock = BedrockRuntime(client: try Fixtures.client(.bedrockRuntime, server: server, transport: transport))
                await #expect(throws: EventStreamError.self) {
                    for try await _ in try await bedrock.converseStream(Self.request) {}
                }
            }
        }
    }
}
