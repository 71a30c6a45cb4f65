import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// What the browser brought back to the redirect URI (RFC 6749 §4.1.2 / §4.1.2.1).
public enum AuthorizationCallback: Sendable, Equatable {
    case code(String)
    case denied(error: String, description: String?)
}

extension AuthorizationCallback: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .enum) }

    public var description: String {
        switch self {
        case .code: return "code(<redacted>)"
        case .denied(let error, _): return "denied(\(error))"
        }
    }
}

/// The loopback HTTP server the browser returns to after sign-in (RFC 8252 §7.3).
///
/// It binds `127.0.0.1` only (never all interfaces, so nobody on the network can race the
/// browser), and must be started before the browser opens so the redirect cannot arrive at a
/// closed port. Exactly one callback whose `state` matches is accepted; anything else (wrong
/// path, wrong or missing state, a second callback) gets a 400/404 and changes nothing.
public final class LoopbackReceiver: Sendable {
    public static let bindHost = "127.0.0.1"

    /// The port actually bound: the configured one, or the one the system picked for port 0.
    public let port: Int
    public let path: String
    /// The address actually bound, as the system reports it (always `127.0.0.1`).
    public let boundAddress: String?
    private let channel: any Channel
    private let gate: CallbackGate

    private init(port: Int, path: String, channel: any Channel, gate: CallbackGate) {
        self.port = port
        self.path = path
        self.boundAddress = channel.localAddress?.ipAddress
        self.channel = channel
        self.gate = gate
    }

    /// Binds the receiver. `port` 0 asks the system for a free ephemeral port.
    public static func start(
        port: Int = 0,
        path: String = "/callback",
        expectedState: String,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> LoopbackReceiver {
        guard path.hasPrefix("/") else { throw OIDCError.invalidConfiguration("redirect_path must start with `/`") }
        guard (0...65535).contains(port) else { throw OIDCError.invalidConfiguration("redirect_port must be 0..65535") }
        let promise = group.next().makePromise(of: AuthorizationCallback.self)
        let gate = CallbackGate(path: path, expectedState: expectedState, promise: promise)
        let channel: any Channel
        do {
            channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { child in
                    child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        try child.pipeline.syncOperations.addHandler(CallbackHandler(gate: gate))
                    }
                }
                .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: bindHost, port: port)
                .get()
        } catch {
            promise.fail(OIDCError.receiverFailed(String(describing: error)))
            throw OIDCError.receiverFailed(String(describing: error))
        }
        guard let bound = channel.localAddress?.port else {
            try? await channel.close()
            throw OIDCError.receiverFailed("the system did not report the bound port")
        }
        return LoopbackReceiver(port: bound, path: path, channel: channel, gate: gate)
    }

    /// The redirect URI to send in the authorization request. `host` is what the IdP has
    /// registered (`127.0.0.1` or `localhost`); the receiver listens on 127.0.0.1 either way.
    public func redirectURI(host: String) -> String {
        "http://\(host):\(port)\(path)"
    }

    /// Waits for the one accepted callback, at most `timeout`; cancelling the task stops the
    /// wait with ``OIDCError/cancelled``.
    public func waitForCallback(timeout: Duration) async throws -> AuthorizationCallback {
        let gate = self.gate
        let timer = channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)) {
            gate.settle(.failure(OIDCError.timedOut(after: timeout)))
        }
        defer { timer.cancel() }
        return try await withTaskCancellationHandler {
            try await gate.promise.futureResult.get()
        } onCancel: {
            gate.settle(.failure(OIDCError.cancelled))
        }
    }

    /// Stops listening. Safe to call more than once.
    public func close() async {
        gate.settle(.failure(OIDCError.cancelled))
        try? await channel.close()
    }
}

/// The one-shot decision shared by every connection: the first matching callback settles the
/// promise, later ones are refused.
final class CallbackGate: Sendable {
    let path: String
    let expectedState: String
    let promise: EventLoopPromise<AuthorizationCallback>
    private let settled = NIOLockedValueBox(false)

    init(path: String, expectedState: String, promise: EventLoopPromise<AuthorizationCallback>) {
        self.path = path
        self.expectedState = expectedState
        self.promise = promise
    }

    /// Completes the promise unless something already did. Returns whether this call won.
    @discardableResult
    func settle(_ result: Result<AuthorizationCallback, any Error>) -> Bool {
        let won = settled.withLockedValue { done -> Bool in
            if done { return false }
            done = true
            return true
        }
        if won { promise.completeWith(result) }
        return won
    }

    /// Decides the HTTP answer for one request to the receiver.
    func answer(method: HTTPMethod, uri: String) -> (status: HTTPResponseStatus, page: String) {
        guard method == .GET, let components = URLComponents(string: uri), components.path == path else {
            return (.notFound, CallbackPage.notFound)
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] where query[item.name] == nil {
            query[item.name] = item.value ?? ""
        }
        guard let state = query["state"], IDTokenVerifier.constantTimeEquals(state, expectedState) else {
            return (.badRequest, CallbackPage.foreignCallback)
        }
        if let error = query["error"] {
            let description = query["error_description"].map(TokenEndpoint.sanitise)
            let callback = AuthorizationCallback.denied(error: TokenEndpoint.sanitise(error), description: description)
            return settle(.success(callback)) ? (.ok, CallbackPage.failure(error: error, description: description)) : (.badRequest, CallbackPage.alreadyDone)
        }
        guard let code = query["code"], !code.isEmpty else {
            return (.badRequest, CallbackPage.foreignCallback)
        }
        return settle(.success(.code(code))) ? (.ok, CallbackPage.success) : (.badRequest, CallbackPage.alreadyDone)
    }
}

/// Reads one request per connection and answers it; the connection closes after the answer.
final class CallbackHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let gate: CallbackGate
    private var head: HTTPRequestHead?

    init(gate: CallbackGate) {
        self.gate = gate
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
        case .body:
            break
        case .end:
            guard let head else { return }
            self.head = nil
            let (status, page) = gate.answer(method: head.method, uri: head.uri)
            let body = ByteBuffer(string: page)
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
            headers.add(name: "Content-Length", value: String(body.readableBytes))
            headers.add(name: "Connection", value: "close")
            headers.add(name: "Cache-Control", value: "no-store")
            headers.add(name: "Referrer-Policy", value: "no-referrer")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
    }
}
