import AWS
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A model behind an OpenAI-compatible Chat Completions API (OpenAI, vLLM, Ollama, llama.cpp,
/// LM Studio, …), streamed as server-sent events: `POST {base_url}/chat/completions` with
/// `"stream": true`.
public struct OpenAIChatModel: ModelBackend {
    public let modelID: String
    public let baseURL: String
    /// Sent as a bearer token; never logged, never part of an error message.
    let apiKey: String?
    let client: HTTPClient
    let timeout: TimeAmount
    /// With `--debug`: one line per request (method, host, path, status, latency), never a header or body.
    let logger: Logger

    public var modelName: String { modelID }

    /// The process's client for model servers: a refused connection (a local server that is
    /// not running) fails at once instead of being retried until the connect timeout.
    public static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    public init(modelID: String, baseURL: String, apiKey: String?, client: HTTPClient = OpenAIChatModel.sharedClient,
                timeout: TimeAmount = .seconds(300), logger: Logger = Logger(label: "qseek.model")) throws(ModelError) {
        guard !modelID.isEmpty else { throw .configuration("set [model].model_id to the model's name at \(baseURL).") }
        guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw .configuration("[model].base_url must be an http(s) URL such as http://127.0.0.1:11434/v1.")
        }
        self.modelID = modelID
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey?.isEmpty == true ? nil : apiKey
        self.client = client
        self.timeout = timeout
        self.logger = logger
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
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                continuation.finish(throwing: ModelError.network("\(host) did not answer in time; check that the model server is up, then ask again."))
            } catch {
                continuation.finish(throwing: ModelError.network("""
                    the connection to \(host) failed: \(TransportError.words(describing: error)). Check that the model \
                    server is running at [model].base_url (\(baseURL)), then ask again.
                    """))
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return events
    }

    var host: String { URL(string: baseURL)?.host ?? baseURL }

    private func stream(_ request: ModelRequest, into continuation: AsyncThrowingStream<ModelEvent, any Error>.Continuation) async throws {
        var outgoing = HTTPClientRequest(url: baseURL + "/chat/completions")
        outgoing.method = .POST
        outgoing.headers.add(name: "Content-Type", value: "application/json")
        outgoing.headers.add(name: "Accept", value: "text/event-stream")
        if let apiKey { outgoing.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        outgoing.body = .bytes(ByteBuffer(bytes: try Self.body(request, modelID: modelID)))
        let started = ContinuousClock.now
        let response = try await client.execute(outgoing, timeout: timeout)
        let elapsed = ContinuousClock.now - started
        logger.debug("model request", metadata: [
            "method": "POST", "host": "\(host)", "path": "\(URL(string: baseURL)?.path ?? "")/chat/completions",
            "status": "\(response.status.code)",
            "latencyMs": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
        ])
        guard response.status == .ok else {
            var body: [UInt8] = []
            for try await chunk in response.body {
                body += chunk.readableBytesView
                if body.count > 64 * 1024 { break }
            }
            let message = redacted(Self.errorMessage(in: body) ?? response.status.reasonPhrase)
            throw ModelError.service("HTTP \(response.status.code) from \(host): \(message)" + Self.advice(forStatus: Int(response.status.code)))
        }
        var body = ChatCompletionStream()
        for try await chunk in response.body {
            do {
                try body.append(chunk.readableBytesView) { continuation.yield($0) }
            } catch {
                throw ModelError(redacting: error, key: apiKey)
            }
            if body.isDone { return }
        }
        try body.finish()
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
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
        if let error = object["error"] as? [String: Any], let message = error["message"] as? String { return message }
        return object["error"] as? String ?? object["message"] as? String
    }

    static func body(_ request: ModelRequest, modelID: String) throws -> [UInt8] {
        var messages: [[String: String]] = []
        for exchange in request.history where !exchange.answer.isEmpty {
            messages.append(["role": "user", "content": exchange.question])
            messages.append(["role": "assistant", "content": exchange.answer])
        }
        messages.append(["role": "user", "content": request.prompt])
        var body: [String: Any] = [
            "model": modelID,
            "stream": true,
            "stream_options": ["include_usage": true],
            "messages": messages,
        ]
        if let maxTokens = request.maxTokens { body["max_tokens"] = maxTokens }
        return Array(try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]))
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
