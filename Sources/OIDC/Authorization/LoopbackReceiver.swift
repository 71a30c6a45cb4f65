import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The loopback HTTP server the browser returns to after sign-in (RFC 8252 §7.3).
///
/// It binds loopback only (never all interfaces, so nobody on the network can race the
/// browser), and must be started before the browser opens so the redirect cannot arrive at a
/// closed port. Exactly one callback whose `state` matches is accepted; anything else (wrong
/// path, wrong or missing state, a second callback) gets a 400/404 and changes nothing.
///
/// Each connection has `readTimeout` from its accept to send its request (a byte now and then
/// does not keep it open), at most `maxConnections` are open at once, and closing the
/// receiver closes them all.
public final class LoopbackReceiver: Sendable {
    public static let bindHost = "127.0.0.1"

    /// The port actually bound: the configured one, or the one the system picked for port 0.
    public let port: Int
    public let path: String
    /// The address actually bound, as the system reports it (`127.0.0.1`).
    public let boundAddress: String?
    /// Every address listened on: `127.0.0.1`, and `::1` too for `redirect_host = "localhost"`.
    public let boundAddresses: [String]
    private let channels: [any Channel]
    private let gate: CallbackGate
    private let connections: ReceiverConnections

    private init(port: Int, path: String, channels: [any Channel], gate: CallbackGate, connections: ReceiverConnections) {
        self.port = port
        self.path = path
        self.boundAddress = channels.first?.localAddress?.ipAddress
        self.boundAddresses = channels.compactMap { $0.localAddress?.ipAddress }
        self.channels = channels
        self.gate = gate
        self.connections = connections
    }

    /// The loopback addresses to listen on for a redirect URI naming `redirectHost`.
    ///
    /// RFC 8252 §8.3 prefers the IP literal because `localhost` may resolve to a non-loopback
    /// address or, depending on the browser, to either loopback address. qseek never resolves
    /// the name (nothing but loopback is ever bound); it listens on both 127.0.0.1 and ::1 on
    /// the same port, so the browser finds qseek, and nobody else, whichever one it picks.
    public static func bindHosts(forRedirectHost redirectHost: String) -> [String] {
        redirectHost.lowercased() == "localhost" ? [bindHost, "::1"] : [bindHost]
    }

    /// Binds the receiver. `port` 0 asks the system for a free ephemeral port.
    public static func start(
        port: Int = 0,
        path: String = "/callback",
        expectedState: String,
        redirectHost: String = bindHost,
        readTimeout: TimeAmount = .seconds(10),
        maxConnections: Int = 16,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> LoopbackReceiver {
        guard path.hasPrefix("/") else { throw OIDCError.invalidConfiguration("redirect_path must start with `/`") }
        guard (0...65535).contains(port) else { throw OIDCError.invalidConfiguration("redirect_port must be 0..65535") }
        let promise = group.next().makePromise(of: AuthorizationCallback.self)
        let gate = CallbackGate(path: path, expectedState: expectedState, promise: promise)
        let connections = ReceiverConnections(limit: maxConnections)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                guard connections.admit(child) else {
                    return child.eventLoop.makeFailedFuture(OIDCError.receiverFailed("too many connections"))
                }
                // The deadline runs from accept and is never extended.
                let deadline = child.eventLoop.scheduleTask(in: readTimeout) { child.close(promise: nil) }
                child.closeFuture.whenComplete { _ in
                    deadline.cancel()
                    connections.remove(child)
                }
                return child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try child.pipeline.syncOperations.addHandler(CallbackHandler(gate: gate, connections: connections))
                }
            }
            .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
        let hosts = bindHosts(forRedirectHost: redirectHost)
        var failure: (any Error)?
        // With port 0 the second address may find the system's pick taken: try a few ports.
        for _ in 0..<(port == 0 && hosts.count > 1 ? 5 : 1) {
            do {
                let channels = try await bind(bootstrap, hosts: hosts, port: port)
                guard let bound = channels.first?.localAddress?.port else {
                    for channel in channels { try? await channel.close() }
                    throw OIDCError.receiverFailed("the system did not report the bound port")
                }
                return LoopbackReceiver(port: bound, path: path, channels: channels, gate: gate, connections: connections)
            } catch {
                failure = error
            }
        }
        let reason = failure.map { String(describing: $0) } ?? "no address could be bound"
        promise.fail(OIDCError.receiverFailed(reason))
        throw (failure as? OIDCError) ?? OIDCError.receiverFailed(reason)
    }

    /// Binds every host on one port (the first host's, when `port` is 0). A host whose
    /// address family this machine lacks (no IPv6) is skipped: nobody can listen there either.
    private static func bind(_ bootstrap: ServerBootstrap, hosts: [String], port: Int) async throws -> [any Channel] {
        var channels: [any Channel] = []
        do {
            for host in hosts {
                do {
                    channels.append(try await bootstrap.bind(host: host, port: channels.first?.localAddress?.port ?? port).get())
                } catch let error as IOError where !channels.isEmpty && [EADDRNOTAVAIL, EAFNOSUPPORT].contains(error.errnoCode) {
                    continue
                }
            }
            return channels
        } catch {
            for channel in channels { try? await channel.close() }
            throw error
        }
    }

    /// The redirect URI to send in the authorization request. `host` is what the IdP has
    /// registered (`127.0.0.1` or `localhost`); see ``bindHosts(forRedirectHost:)``.
    public func redirectURI(host: String) -> String {
        "http://\(host):\(port)\(path)"
    }

    /// Waits for the one accepted callback, at most `timeout`; cancelling the task stops the
    /// wait with ``OIDCError/cancelled``.
    public func waitForCallback(timeout: Duration) async throws -> AuthorizationCallback {
        let gate = self.gate
        let timer = channels[0].eventLoop.scheduleTask(in: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)) {
            gate.settle(.failure(OIDCError.timedOut(after: timeout)))
        }
        defer { timer.cancel() }
        return try await withTaskCancellationHandler {
            try await gate.promise.futureResult.get()
        } onCancel: {
            gate.settle(.failure(OIDCError.cancelled))
        }
    }

    /// Stops listening and closes every connection still open (one writing its answer
    /// finishes it first). Safe to call more than once.
    public func close() async {
        gate.settle(.failure(OIDCError.cancelled))
        connections.closeAll()
        for channel in channels { try? await channel.close() }
    }

    /// Connections open right now (for tests and diagnostics).
    var openConnections: Int { connections.count }
}
