import TestSupport
import Foundation
import Testing
@testable import Assistant

@Suite("OpenAI-compatible Chat Completions over server-sent events")
struct OpenAIChatModelTests {
    static let stream = [
        ": keep-alive\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Book ear\"}}]}\r\n\r\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ly [1].\"}}]}\n",
        "\ndata: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n",
        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":4,\"total_tokens\":54}}\n\n",
        "data: [DONE]\n\n",
    ]

    @Test("The answer streams from /chat/completions with the bearer key, as text, stop reason and usage")
    func streams() async throws {
        try await LocalHTTPServer.with({ _ in
            .stream(status: 200, headers: [("Content-Type", "text/event-stream")], chunks: Self.stream.map { Array($0.utf8) })
        }) { server in
            let model = try OpenAIChatModel(modelID: "llama3", baseURL: server.baseURL + "/v1/", apiKey: "sk-test-key")
            var events: [ModelEvent] = []
            for try await event in model.answer(ModelRequest(prompt: "Question: travel?")) { events.append(event) }
            #expect(events == [.text("Book ear"), .text("ly [1]."), .stopped(reason: "stop"),
                               .usage(ModelUsage(inputTokens: 50, outputTokens: 4))])
            let request = try #require(server.requests.first)
            #expect(request.method == "POST")
            #expect(request.path == "/v1/chat/completions")
            #expect(request.header("Authorization") == "Bearer sk-test-key")
            #expect(String(decoding: request.body, as: UTF8.self).contains(#""stream":true"#))
        }
    }

    @Test("A refusal names the status and the server's message, never the key")
    func refusal() async throws {
        try await LocalHTTPServer.with({ _ in
            .text(401, #"{"error":{"message":"Incorrect API key provided: sk-test-key","type":"invalid_request_error"}}"#)
        }) { server in
            let model = try OpenAIChatModel(modelID: "gpt", baseURL: server.baseURL, apiKey: "sk-test-key")
            do {
                for try await _ in model.answer(ModelRequest(prompt: "p")) {}
                Issue.record("the refusal was swallowed")
            } catch let error as ModelError {
                #expect(error.userMessage.contains("HTTP 401"))
                #expect(error.userMessage.contains("Incorrect API key"))
                #expect(!error.userMessage.contains("sk-test-key"))
                #expect(error.userMessage.contains("[model].api_key_env"), "says what to check")
            }
        }
    }

    @Test("An unknown model and a rate limit say what to do", arguments: [
        (404, #"{"error":{"message":"model 'llama9' not found"}}"#, "Check [model].model_id"),
        (429, #"{"error":{"message":"Rate limit reached"}}"#, "wait a moment and ask again"),
        (503, "upstream down", "try again later"),
    ])
    func advice(status: Int, body: String, advice: String) async throws {
        try await LocalHTTPServer.with({ _ in .text(status, body) }) { server in
            let model = try OpenAIChatModel(modelID: "llama9", baseURL: server.baseURL + "/v1", apiKey: nil)
            do {
                for try await _ in model.answer(ModelRequest(prompt: "p")) {}
                Issue.record("HTTP \(status) was swallowed")
            } catch let error as ModelError {
                #expect(error.userMessage.contains("HTTP \(status)"))
                #expect(error.userMessage.contains(advice), "\(error.userMessage)")
            }
        }
    }

    @Test("A refused connection says the server is not running there, in words")
    func refusedConnection() async throws {
        let refusing = try RefusingPort()
        let url = refusing.baseURL + "/v1"
        let model = try OpenAIChatModel(modelID: "llama3", baseURL: url, apiKey: nil)
        do {
            for try await _ in model.answer(ModelRequest(prompt: "p")) {}
            Issue.record("a closed port answered")
        } catch let error as ModelError {
            guard case .network(let text) = error else {
                Issue.record("not a network error: \(error)")
                return
            }
            #expect(text.contains("connection refused") && text.contains("[model].base_url"), "\(text)")
            #expect(!text.contains("HTTPClientError") && !text.contains("errno"))
        }
    }

    @Test("Without a key no Authorization header is sent (local servers)")
    func noKey() async throws {
        try await LocalHTTPServer.with({ _ in
            .stream(status: 200, headers: [], chunks: [Array("data: [DONE]\n\n".utf8)])
        }) { server in
            let model = try OpenAIChatModel(modelID: "llama3", baseURL: server.baseURL, apiKey: nil)
            for try await _ in model.answer(ModelRequest(prompt: "p")) {}
            #expect(server.requests.first?.header("Authorization") == nil)
        }
    }

    @Test("A 307 is refused in words, and the prompt never reaches the redirect target")
    func redirectRefused() async throws {
        try await LocalHTTPServer.with({ _ in .text(200, "data: [DONE]\n\n") }) { elsewhere in
            try await LocalHTTPServer.with({ _ in
                .respond(status: 307, headers: [("Location", elsewhere.baseURL + "/v1/chat/completions")])
            }) { server in
                let model = try OpenAIChatModel(modelID: "llama3", baseURL: server.baseURL + "/v1", apiKey: "sk-test-key")
                do {
                    for try await _ in model.answer(ModelRequest(prompt: "Company secret passage")) {}
                    Issue.record("the redirect was followed or swallowed")
                } catch let error as ModelError {
                    #expect(error.userMessage.contains("HTTP 307"), "\(error.userMessage)")
                    #expect(error.userMessage.contains("does not follow redirects"), "\(error.userMessage)")
                    #expect(error.userMessage.contains("[model].base_url"), "says what to change")
                    #expect(!error.userMessage.contains("sk-test-key"))
                }
                #expect(server.requests.count == 1)
                #expect(elsewhere.requests.isEmpty, "the prompt was re-posted to the redirect target")
            }
        }
    }
}
