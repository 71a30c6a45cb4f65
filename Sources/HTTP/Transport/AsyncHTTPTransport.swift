import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The production transport: AsyncHTTPClient with connect and read timeouts, a deadline on
/// every call, a cap on buffered response bodies, and no redirects.
///
/// Copies share one client (and its connection pool): build one per process or environment,
/// never one per call. Call `shutdown()` once when the owner is done (the client refuses to be
/// deallocated while running); ``shared`` lives as long as the process and is never shut down.
/// Streamed bodies are not subject to the size cap, only to the read timeout between chunks.
public struct AsyncHTTPTransport: HTTPTransport {
    public struct Configuration: Sendable {
        public var connectTimeout: Duration
        public var readTimeout: Duration
        public var maximumResponseBytes: Int
        /// `qseek/<version>` plus platform words; sent on every request, never signed.
        public var userAgent: String

        public init(connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60),
                    maximumResponseBytes: Int = 16 * 1024 * 1024, applicationVersion: String = "dev") {
            self.connectTimeout = connectTimeout
            self.readTimeout = readTimeout
            self.maximumResponseBytes = maximumResponseBytes
            #if os(Linux)
            let os = "linux"
            #else
            let os = "macos"
            #endif
            self.userAgent = "qseek/\(applicationVersion) lang/swift os/\(os)"
        }
    }

    /// The process's transport for callers without an owner to shut one down (the sandbox's
    /// outbound fetches, defaults in library initialisers).
    public static let shared = AsyncHTTPTransport()

    public let configuration: Configuration
    private let client: HTTPClient

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        var clientConfiguration = HTTPClient.Configuration(
            timeout: .init(connect: .nanoseconds(Self.nanoseconds(configuration.connectTimeout)),
                           read: .nanoseconds(Self.nanoseconds(configuration.readTimeout))))
        clientConfiguration.decompression = .disabled
        // Following a redirect could carry a signed request, a client secret, a refresh token
        // or a prompt full of company text to another origin: every 3xx is the caller's answer.
        clientConfiguration.redirectConfiguration = .disallow
        // A refused connection fails at once and the caller's retry rules decide what to do, as
        // botocore does; AsyncHTTPClient would otherwise retry it until the connect timeout.
        clientConfiguration.connectionPool.retryConnectionEstablishment = false
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
    }

    private init(configuration: Configuration, client: HTTPClient) {
        self.configuration = configuration
        self.client = client
    }

    /// The same client and connections, with buffered responses capped at `limit` bytes (an
    /// IdP's documents are small; a hostile one must not exhaust memory).
    public func limitingResponses(to limit: Int) -> AsyncHTTPTransport {
        var configuration = configuration
        configuration.maximumResponseBytes = limit
        return AsyncHTTPTransport(configuration: configuration, client: client)
    }

    /// Closes every connection of this transport and its copies. Requests after this fail.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        let (response, host) = try await execute(request, timeout: timeout)
        let limit = configuration.maximumResponseBytes
        do {
            let body = try await Self.finishing(by: deadline, host: host) {
                Array(try await response.body.collect(upTo: limit).readableBytesView)
            }
            return HTTPResponse(statusCode: Int(response.status.code), headers: Self.headers(response.headers), body: body)
        } catch is NIOTooManyBytesError {
            throw TransportError.responseTooLarge(limit: configuration.maximumResponseBytes)
        } catch {
            throw Self.map(error, host: host)
        }
    }

    public func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPStreamingResponse {
        let (response, host) = try await execute(request, timeout: timeout)
        let (stream, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        let body = response.body
        let pump = Task {
            do {
                for try await chunk in body {
                    continuation.yield(Array(chunk.readableBytesView))
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: Self.map(error, host: host))
            }
        }
        continuation.onTermination = { _ in pump.cancel() }
        return HTTPStreamingResponse(statusCode: Int(response.status.code), headers: Self.headers(response.headers), body: stream)
    }

    private func execute(_ request: HTTPRequest, timeout: Duration) async throws -> (HTTPClientResponse, String) {
        guard let url = URL(string: request.url), let host = url.host else { throw TransportError.invalidURL(request.url) }
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if !outgoing.headers.contains(name: "User-Agent") {
            outgoing.headers.add(name: "User-Agent", value: configuration.userAgent)
        }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        do {
            let response = try await client.execute(outgoing, timeout: .nanoseconds(Self.nanoseconds(timeout)))
            return (response, host)
        } catch {
            throw Self.map(error, host: host)
        }
    }

    /// Runs `work`, or throws `readTimedOut` once `deadline` passes. AsyncHTTPClient's deadline
    /// ends when the response head arrives; without this a server trickling its body a byte at a
    /// time (within the read timeout) would hold a buffered call for as long as it liked.
    static func finishing<T: Sendable>(by deadline: ContinuousClock.Instant, host: String,
                                       _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                throw TransportError.readTimedOut(host: host)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }

    static func headers(_ headers: HTTPHeaders) -> [(name: String, value: String)] {
        headers.map { ($0.name, $0.value) }
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// Maps client and NIO errors to `TransportError`, keeping only the kind of failure.
    static func map(_ error: any Error, host: String) -> any Error {
        if error is TransportError || error is CancellationError { return error }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .connectTimeout: return TransportError.connectTimedOut(host: host)
            case .readTimeout, .deadlineExceeded: return TransportError.readTimedOut(host: host)
            case .cancelled: return CancellationError()
            case .remoteConnectionClosed: return TransportError.connectionFailed(host: host, detail: "the server closed the connection before answering")
            default: return TransportError.connectionFailed(host: host, detail: TransportError.words(describing: clientError))
            }
        }
        if let channelError = error as? ChannelError, case .connectTimeout = channelError {
            return TransportError.connectTimedOut(host: host)
        }
        return TransportError.connectionFailed(host: host, detail: TransportError.words(describing: error))
    }

}
