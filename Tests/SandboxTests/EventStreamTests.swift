import AWS
import HTTP
import Testing
@testable import Sandbox

@Suite struct EventStreamTests {
    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func aFrameCarriesItsLengthsCRCsAndHeaders() throws {
        let payload = Array(#"{"contentBlockIndex":0,"delta":{"text":"Hi"}}"#.utf8)
        let frame = EventStreamEncoder.event("contentBlockDelta", payload: payload)
        #expect(frame.count == Int(frame[0]) << 24 | Int(frame[1]) << 16 | Int(frame[2]) << 8 | Int(frame[3]))
        let messages = try EventStreamReader.messages(frame)
        #expect(messages.count == 1)
        #expect(messages[0].headers == [":event-type": "contentBlockDelta", ":content-type": "application/json", ":message-type": "event"])
        #expect(messages[0].payload == payload)
    }

    @Test func flippingOnePayloadByteBreaksTheMessageCRC() {
        var frame = EventStreamEncoder.event("messageStop", payload: Array(#"{"stopReason":"end_turn"}"#.utf8))
        frame[frame.count - 6] ^= 0x01
        #expect(throws: EventStreamReader.Failure.messageCRC) { try EventStreamReader.messages(frame) }
    }

    @Test func theAWSModulesDecoderReadsEveryFrameTheSandboxStreams() async throws {
        try await withSandbox { http in
            let reply = try await http.json("/bedrock-runtime/model/sandbox.extractive-v1/converse-stream", service: "bedrock",
                                            region: "us-east-1", credentials: SandboxHTTP.baseKey,
                                            ["messages": [["role": "user", "content": [["text": "[1] Gauges are calibrated yearly.\n\nQuestion: when are gauges calibrated?"]]]]])
            var decoder = EventStreamDecoder()
            decoder.append(reply.body)
            var types: [String] = []
            while let message = try decoder.next() {
                #expect(message.messageType == "event")
                types.append(message.eventType ?? "?")
            }
            try decoder.finish()
            #expect(types.first == "messageStart")
            #expect(types.last == "metadata")
            #expect(types.contains("contentBlockDelta"))
        }
    }

    @Test func theExtractiveModelQuotesTheBestSentencesWithTheirPassageNumbers() {
        let prompt = """
            [1] The cafeteria opens at eight. Lunch is served until two.
            [2] Database failover is handled by the on-call engineer. Drain traffic before the failover.

            Question: who handles database failover?
            """
        let answer = ExtractiveAnswerer.answer(prompt: prompt)
        #expect(answer.hasPrefix(ExtractiveAnswerer.preamble))
        #expect(answer.contains("Database failover is handled by the on-call engineer. [2]"))
        #expect(!answer.contains("cafeteria"))
    }

    @Test func qseeksPromptLayoutQuotesBodiesOnlyNeverTheQuestionOrALinkCutAtItsDots() {
        let prompt = """
            Passages:

            [1] Incident review: payments outage <https://tickets.acme.example/inc/42>
            The payments outage lasted 40 minutes. See https://status.acme.example for the timeline.

            [2] Cafeteria menu <https://wiki.acme.example/food>
            Lunch is served until two.

            Question: how long did the payments outage last?
            """
        let answer = ExtractiveAnswerer.answer(prompt: prompt)
        #expect(answer.contains("The payments outage lasted 40 minutes. [1]"))
        #expect(!answer.contains("Question:"))
        #expect(!answer.contains("Incident review"))
        #expect(!answer.contains("https://status. [1]"))
    }

    @Test func converseStreamAnswersWithEventFramesInTheDocumentedOrder() async throws {
        try await withSandbox { http in
            let reply = try await http.json("/bedrock-runtime/model/sandbox.extractive-v1/converse-stream", service: "bedrock",
                                            region: "us-east-1", credentials: SandboxHTTP.baseKey,
                                            ["messages": [["role": "user", "content": [["text": "[1] Pumps need oil weekly.\n\nQuestion: how often do pumps need oil?"]]]]])
            #expect(reply.status == 200)
            #expect(reply.header("content-type") == "application/vnd.amazon.eventstream")
            let messages = try EventStreamReader.messages(reply.body)
            let types = messages.compactMap { $0.headers[":event-type"] }
            #expect(types.first == "messageStart")
            #expect(Array(types.suffix(3)) == ["contentBlockStop", "messageStop", "metadata"])
            let text = messages.filter { $0.headers[":event-type"] == "contentBlockDelta" }
                .compactMap { JSONValue.parse($0.payload)?["delta"]?["text"]?.stringValue }.joined()
            #expect(text.contains("Pumps need oil weekly. [1]"))
            let metadata = try #require(messages.last.flatMap { JSONValue.parse($0.payload) })
            #expect(metadata["usage"]?["totalTokens"]?.numberValue ?? 0 > 0)
        }
    }
}
