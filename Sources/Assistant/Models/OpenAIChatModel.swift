import AWS
import Foundation
import Logging

/// A model behind an OpenAI-compatible Chat Completions API (OpenAI, vLLM, Ollama, llama.cpp,
/// LM Studio, …), streamed as server-sent events: `POST {base_url}/chat/completions` with
/// `"stream": true`.
public struct OpenAIChatModel: ModelBackend {
    public let modelID: String
    public let baseURL: String
    /// Sent as a bearer token; never logged, never part of an error message.
    let apiKey: String?
    /// Logs one line per request with `--debug` (method, host, path, status, latency), never a
    /// header or body. Answers every redirect as a response: a prompt carries company text and
    /// must not be re-posted to another origin.
    let transport: any HTTPTransport
    /// Bounds the wait for the response head; the answer then streams for as long as it takes.
    let timeout: Duration

    public var modelName: String { modelID }

    public init(modelID: String, baseURL: String, apiKey: String?, transport: any HTTPTransport = AsyncHTTPTransport.shared,
                timeout: Duration = .seconds(300), logger: Logger = Logger(label: "qseek.model")) throws(ModelError) {
        guard !modelID.isEmpty else { throw .configuration("set [model].model_id to the model's name at \(baseURL).") }
        guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw .configuration("[model].base_url must be an http(s) URL such as http://127.0.0.1:11434/v1.")
        }
        self.modelID = modelID
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey?.isEmpty == true ? nil : apiKey
        self.transport = LoggedTransport(transport, party: "model", logger: logger)
        self.timeout = timeout
    }

    public func answer(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error> {
        let (events, continuation) = AsyncThrowingStream<ModelEvent, any Error>.makeStream()
        let task = Task {
            do {
                try await stream(request, into: continuation)
                continuation.finish()
            } catch let error as ModelError {
                continuation.finish(throwing: error)
            } catch is CancellationError {
                continuation.finish(throwing: CancellationError())
            } catch let error as TransportError where error.isTimeout {
                continuation.finish(throwing: ModelError.network("\(host) did not answer in time; check that the model server is up, then ask again."))
            } catch {
                let reason = (error as? TransportError)?.reason ?? TransportError.words(describing: error)
                continuation.finish(throwing: ModelError.network("""
                    the connection to \(host) failed: \(reason). Check that the model \
                    server is running at [model].base_url (\(baseURL)), then ask again.
                    """))
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return events
    }

    var host: String { URL(string: baseURL)?.host ?? baseURL }

    private func stream(_ request: ModelRequest, into continuation: AsyncThrowingStream<ModelEvent, any Error>.Continuation) async throws {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json"), ("Accept", "text/event-stream")]
        if let apiKey { headers.append(("Authorization", "Bearer \(apiKey)")) }
        let outgoing = HTTPRequest(method: "POST", url: baseURL + "/chat/completions", headers: headers,
                                   body: Self.body(request, modelID: modelID))
        let response = try await transport.stream(outgoing, timeout: timeout)
        if (300..<400).contains(response.statusCode) {
            throw ModelError.service(Self.redirectRefusal(status: response.statusCode, from: host))
        }
        guard response.statusCode == 200 else {
            var body: [UInt8] = []
            for try await chunk in response.body {
                body += chunk
                if body.count > 64 * 1024 { break }
            }
            let message = redacted(Self.errorMessage(in: body) ?? Self.reasonPhrase(response.statusCode))
            throw ModelError.service("HTTP \(response.statusCode) from \(host): \(message)" + Self.advice(forStatus: response.statusCode))
        }
        var body = ChatCompletionStream()
        for try await chunk in response.body {
            do {
                try body.append(chunk) { continuation.yield($0) }
            } catch {
                throw ModelError(redacting: error, key: apiKey)
            }
            if body.isDone { return }
        }
        try body.finish()
    }

    /// A redirect is refused, not followed: following it would post the prompt (company text)
    /// and the key to wherever the server points (whose address is not repeated: it is server text).
    static func redirectRefusal(status: Int, from host: String) -> String {
        "HTTP \(status) from \(host): the model server redirects elsewhere. qseek does not follow redirects, "
            + "because a prompt carries your company's text; set [model].base_url to the address that answers directly."
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "HTTP error"
        }
    }

    /// What to do about a refusal, by status: the key, the model name, the rate limit.
    static func advice(forStatus status: Int) -> String {
        switch status {
        case 401, 403: return ". Check the API key in the variable [model].api_key_env names (sent as a bearer token)."
        case 404: return ". Check [model].model_id (the server's name for the model) and [model].base_url (usually ending in /v1)."
        case 429: return ". The server is rate-limiting; wait a moment and ask again."
        case 500...599: return ". The model server failed; try again later."
        default: return "."
        }
    }

    private func redacted(_ text: String) -> String {
        guard let apiKey, !apiKey.isEmpty else { return text }
        return text.replacingOccurrences(of: apiKey, with: "<redacted>")
    }

    /// `{"error": {"message": …}}` (OpenAI and most compatibles) or `{"error": "…"}` (Ollama).
    static func errorMessage(in body: [UInt8]) -> String? {
        guard let object = JSONValue.parse(body) else { return nil }
        return object["error"]?["message"]?.stringValue ?? object["error"]?.stringValue ?? object["message"]?.stringValue
    }

    static func body(_ request: ModelRequest, modelID: String) -> [UInt8] {
        var messages: [JSONValue] = []
        for exchange in request.history where !exchange.answer.isEmpty {
            messages.append(["role": "user", "content": .string(exchange.question)])
            messages.append(["role": "assistant", "content": .string(exchange.answer)])
        }
        messages.append(["role": "user", "content": .string(request.prompt)])
        var body: [String: JSONValue] = [
            "model": .string(modelID),
            "stream": true,
            "stream_options": ["include_usage": true],
            "messages": .array(messages),
        ]
        if let maxTokens = request.maxTokens { body["max_tokens"] = .number(Double(maxTokens)) }
        return JSONValue.object(body).serialized()
    }
}

extension ModelError {
    init(redacting error: ModelError, key: String?) {
        guard let key, !key.isEmpty else {
            self = error
            return
        }
        func clean(_ text: String) -> String { text.replacingOccurrences(of: key, with: "<redacted>") }
        switch error {
        case .configuration(let text): self = .configuration(clean(text))
        case .service(let text): self = .service(clean(text))
        case .network(let text): self = .network(clean(text))
        case .malformedStream(let text): self = .malformedStream(clean(text))
        }
    }
}
