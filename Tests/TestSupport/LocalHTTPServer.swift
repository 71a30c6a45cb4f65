import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A request as the local test server received it.
public struct RecordedRequest: Sendable {
    public var method: String
    public var uri: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var path: String { String(uri.split(separator: "?", maxSplits: 1).first ?? "") }
    public var query: String { uri.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? "" }
}

/// What the local test server does with a request.
public enum Reply: Sendable {
    case respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = [])
    /// Head, then each chunk as its own write.
    case stream(status: Int, headers: [(String, String)], chunks: [[UInt8]])
    /// Never answers (the connection stays open until the server stops).
    case hang
    /// Head, then one byte of body every `interval`, never ending (a server that trickles).
    case trickle(status: Int, interval: Duration)

    public static func text(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Reply {
        .respond(status: status, headers: headers, body: Array(body.utf8))
    }
}

/// An HTTP/1.1 server on 127.0.0.1 and an ephemeral port, answering with a closure.
/// Tests use it in place of AWS, IMDS, a container credentials endpoint or an
/// OpenAI-compatible model server.
public final class LocalHTTPServer: Sendable {
    public typealias Handler = @Sendable (RecordedRequest) async -> Reply

    public let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let recorded: NIOLockedValueBox<[RecordedRequest]>

    public var baseURL: String { "http://127.0.0.1:\(port)" }
    public var requests: [RecordedRequest] { recorded.withLockedValue { $0 } }

    private init(port: Int, group: MultiThreadedEventLoopGroup, channel: any Channel, recorded: NIOLockedValueBox<[RecordedRequest]>) {
        self.port = port
        self.group = group
        self.channel = channel
        self.recorded = recorded
    }

    public static func start(_ handler: @escaping Handler) async throws -> LocalHTTPServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let recorded = NIOLockedValueBox<[RecordedRequest]>([])
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RequestHandler(handler: handler, recorded: recorded))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else { throw ChannelError.unknownLocalAddress }
        return LocalHTTPServer(port: port, group: group, channel: channel, recorded: recorded)
    }

    public func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }

    /// Runs `body` with a server and always stops it.
    @discardableResult
    public static func with<T>(_ handler: @escaping Handler, _ body: (LocalHTTPServer) async throws -> T) async throws -> T {
        let server = try await start(handler)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}

private final class RequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let handler: LocalHTTPServer.Handler
    let recorded: NIOLockedValueBox<[RecordedRequest]>
    var current: RecordedRequest?

    init(handler: @escaping LocalHTTPServer.Handler, recorded: NIOLockedValueBox<[RecordedRequest]>) {
        self.handler = handler
        self.recorded = recorded
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            current = RecordedRequest(method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: [])
        case .body(let buffer):
            current?.body += Array(buffer.readableBytesView)
        case .end:
            guard let request = current else { return }
            current = nil
            recorded.withLockedValue { $0.append(request) }
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let handler = handler
            context.eventLoop.makeFutureWithTask { await handler(request) }.whenSuccess { reply in
                Self.write(reply, to: loopBound.value)
            }
        }
    }

    static func trickle(every interval: TimeAmount, to context: NIOLoopBound<ChannelHandlerContext>) {
        context.value.eventLoop.scheduleTask(in: interval) {
            guard context.value.channel.isActive else { return }
            context.value.writeAndFlush(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: [0x41])))), promise: nil)
            trickle(every: interval, to: context)
        }
    }

    static func write(_ reply: Reply, to context: ChannelHandlerContext) {
        switch reply {
        case .hang:
            return
        case .respond(let status, let headers, let body):
            var fields = HTTPHeaders(headers)
            fields.replaceOrAdd(name: "Content-Length", value: String(body.count))
            context.write(NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: fields))), promise: nil)
            context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
            context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
        case .trickle(let status, let interval):
            context.writeAndFlush(NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status)))),
                                  promise: nil)
            trickle(every: .nanoseconds(Int64(interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000)),
                    to: NIOLoopBound(context, eventLoop: context.eventLoop))
        case .stream(let status, let headers, let chunks):
            context.writeAndFlush(NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: HTTPHeaders(headers)))), promise: nil)
            for chunk in chunks {
                context.writeAndFlush(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: chunk)))), promise: nil)
            }
            context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
        }
    }
}
