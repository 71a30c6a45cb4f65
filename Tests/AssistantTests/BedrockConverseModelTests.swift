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

    func failure(status: Int, body: String) async throws -> ModelError? {
        do {
            for try await _ in try model(CannedTransport(status: status, body: Array(body.utf8))).answer(ModelRequest(prompt: "p")) {}
        } catch let error as ModelError {
            return error
        }
        return nil
    }

    @Test("An unknown model id says which setting to fix")
    func unknownModel() async throws {
        let error = try await failure(status: 400, body: #"{"__type":"ValidationException","message":"The provided model identifier is invalid."}"#)
        guard case .configuration(let text)? = error else {
            Issue.record("not a configuration error: \(String(describing: error))")
            return
        }
        #expect(text.contains("set [model].model_id"))
    }

    @Test("Access denied names the permission and the model access switch")
    func accessDenied() async throws {
        let error = try await failure(status: 403, body: #"{"__type":"AccessDeniedException","message":"no"}"#)
        guard case .service(let text)? = error else {
            Issue.record("not a service error: \(String(describing: error))")
            return
        }
        #expect(text.contains("bedrock:InvokeModelWithResponseStream"))
    }

    @Test("Throttling after the retries says to wait and ask again")
    func throttled() async throws {
        let error = try await failure(status: 429, body: #"{"__type":"ThrottlingException","message":"Too many requests"}"#)
        #expect(error?.userMessage.contains("wait a moment and try again") == true, "\(String(describing: error))")
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
