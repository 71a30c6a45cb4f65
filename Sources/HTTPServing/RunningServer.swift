import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A Hummingbird server that runs until it is stopped: the one way qseek serves HTTP (the
/// embedded sandbox, `qseek mcp --http`). `start` returns once the port is bound, so a caller
/// that asked for port 0 learns the real one before anything can connect to it.
public final class RunningServer: Sendable {
    /// The bound port.
    public let port: Int
    /// `http://HOST:PORT` as bound (an IPv6 host in brackets), no trailing slash.
    public let origin: String
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(port: Int, origin: String, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.origin = origin
        self.group = group
        self.task = task
    }

    /// Binds `host`:`port` (0 = any free port) and serves `responder`. `onBound` hears the
    /// origin before the first request is read (the sandbox names itself in its tokens with it).
    /// With `stopOnSignals`, SIGINT and SIGTERM shut the server down gracefully.
    public static func start<Responder: HTTPResponder>(
        _ responder: Responder, host: String, port: Int, serverName: String, stopOnSignals: Bool = false, logger: Logger,
        onBound: @escaping @Sendable (_ origin: String) -> Void = { _ in }
    ) async throws -> RunningServer where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: serverName),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                onBound(origin(host: host, port: bound))
                continuation.yield(bound)
                continuation.finish()
            },
            logger: logger)
        var configuration = ServiceGroupConfiguration(services: [app], logger: logger)
        if stopOnSignals { configuration.gracefulShutdownSignals = [.sigterm, .sigint] }
        let group = ServiceGroup(configuration: configuration)
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next(), bound > 0 else {
            try await task.value  // the bind's own error, when there is one
            throw ServerStartError.noBoundPort(serverName: serverName)
        }
        return RunningServer(port: bound, origin: origin(host: host, port: bound), group: group, task: task)
    }

    /// Stops accepting connections, finishes the requests in flight, and returns when done.
    public func shutdown() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// Serves until SIGINT or SIGTERM (with `stopOnSignals`) or `shutdown()`.
    public func waitUntilStopped() async throws {
        try await task.value
    }

    private static func origin(host: String, port: Int) -> String {
        "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }
}

/// The server ran but reported no bound port (and no error of its own).
public enum ServerStartError: Error, Sendable, CustomStringConvertible {
    case noBoundPort(serverName: String)

    public var description: String {
        switch self {
        case .noBoundPort(let serverName): "\(serverName) started but reported no port"
        }
    }
}
