import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

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
        idleTimeout: TimeAmount = .seconds(10),
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
                        // A connection that sends nothing (or never finishes its request) is
                        // dropped, so nobody can hold descriptors open in a long-lived process.
                        try child.pipeline.syncOperations.addHandler(IdleStateHandler(allTimeout: idleTimeout))
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
