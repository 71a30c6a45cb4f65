import Accessor
import AWS
import Foundation
import Synchronization
import Testing
@testable import Assistant

/// Answers every call with one canned event-stream body and keeps the requests it saw.
final class CannedTransport: HTTPTransport {
    let body: [UInt8]
    let status: Int
    let requests = Mutex<[HTTPRequest]>([])

    init(status: Int = 200, body: [UInt8]) {
        self.status = status
        self.body = body
    }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        requests.withLock { $0.append(request) }
        return HTTPResponse(statusCode: status, body: body)
    }

    func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPStreamingResponse {
        requests.withLock { $0.append(request) }
        let body = self.body
        let chunks = stride(from: 0, to: body.count, by: 5).map { Array(body[$0..<min($0 + 5, body.count)]) }
        return HTTPStreamingResponse(statusCode: status, headers: [], body: AsyncThrowingStream { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        })
    }
}

@Suite("Bedrock ConverseStream as a model backend")
struct BedrockConverseModelTests {
    static func event(_ type: String, _ json: String) -> [UInt8] {
        EventStreamEncoder.encode(EventStreamMessage(headers: [
            (":event-type", .string(type)), (":content-type", .string("application/json")), (":message-type", .string("event")),
        ], payload: Array(json.utf8)))
    }

    func model(_ transport: CannedTransport) throws -> BedrockConverseModel {
        let account = ISVAccount(baseCredentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKIDISVBASE", secretAccessKey: "base-secret")),
                                 roleARN: "arn:aws:iam::111122223333:role/QseekDataAccessor", region: "us-east-1")
        let endpoints = EndpointResolver(environment: [:], overrides: [.bedrockRuntime: "http://127.0.0.1:9"])
        return try BedrockConverseModel(modelID: "sandbox.extractive-v1", region: "eu-west-1", account: account,
                                        endpoints: endpoints, transport: transport)
    }

    @Test("Deltas, the stop reason and usage arrive as model events; the call is signed with the ISV's base credentials in the model's region")
    func streamsTypedEvents() async throws {
        let body = Self.event("messageStart", #"{"role":"assistant"}"#)
            + Self.event("contentBlockDelta", #"{"contentBlockIndex":0,"delta":{"text":"Book early "}}"#)
            + Self.event("contentBlockDelta", #"{"contentBlockIndex":0,"delta":{"text":"[1]."}}"#)
            + Self.event("contentBlockStop", #"{"contentBlockIndex":0}"#)
            + Self.event("messageStop", #"{"stopReason":"end_turn"}"#)
            + Self.event("metadata", #"{"usage":{"inputTokens":10,"outputTokens":3,"totalTokens":13},"metrics":{"latencyMs":42}}"#)
        let transport = CannedTransport(body: body)
        var events: [ModelEvent] = []
        for try await event in try model(transport).answer(ModelRequest(prompt: "Question: travel?",
                                                                          history: [.init(question: "q0", answer: "a0")])) {
            events.append(event)
        }
        #expect(events == [.text("Book early "), .text("[1]."), .stopped(reason: "end_turn"),
                           .usage(ModelUsage(inputTokens: 10, outputTokens: 3, latencyMilliseconds: 42))])
        let request = try #require(transport.requests.withLock { $0.first })
        let authorization = request.headers.first { $0.name.lowercased() == "authorization" }?.value ?? ""
        #expect(authorization.contains("Credential=AKIDISVBASE/"))
        #expect(authorization.contains("/eu-west-1/bedrock/aws4_request"))
        let sent = String(decoding: request.body, as: UTF8.self)
        // The earlier exchange goes first, as user then assistant; the prompt last.
        let question = try #require(sent.range(of: "q0"))
        let answer = try #require(sent.range(of: "a0"))
        let prompt = try #require(sent.range(of: "Question: travel?"))
        #expect(question.lowerBound < answer.lowerBound && answer.lowerBound < prompt.lowerBound)
    }

    @Test("A refused call becomes a ModelError in words")
    func refusal() async throws {
        let transport = CannedTransport(status: 400, body: Array(#"{"message":"The provided model identifier is invalid."}"#.utf8))
        do {
            for try await _ in try model(transport).answer(ModelRequest(prompt: "p")) {}
            Issue.record("the refusal was swallowed")
        } catch let error as ModelError {
            guard case .service(let text) = error else {
                Issue.record("not a service error: \(error)")
                return
            }
            #expect(text.contains("model identifier is invalid"))
        }
    }

    @Test("No model id is a configuration error")
    func missingModelID() {
        let account = ISVAccount(baseCredentials: StaticCredentialsProvider(Credentials(accessKeyID: "A", secretAccessKey: "B")),
                                 roleARN: "arn:aws:iam::1:role/R", region: "us-east-1")
        #expect(throws: ModelError.self) {
            try BedrockConverseModel(modelID: "", region: "us-east-1", account: account,
                                     endpoints: EndpointResolver(environment: [:]), transport: CannedTransport(body: []))
        }
    }
}
