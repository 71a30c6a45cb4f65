import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Where and how `qseek mcp --http` listens.
public struct StreamableHTTPOptions: Sendable {
    public var host: String
    public var port: Int
    /// The URL clients use for the MCP endpoint (`[mcp] resource`): the protected resource of
    /// RFC 9728. Empty = `http://HOST:PORT/mcp` as bound.
    public var resource: String
    public var maxBodyBytes: Int

    public init(host: String = "127.0.0.1", port: Int = 0, resource: String = "", maxBodyBytes: Int = 1 << 20) {
        self.host = host
        self.port = port
        self.resource = resource
        self.maxBodyBytes = maxBodyBytes
    }

    public static let endpointPath = "/mcp"
    public static let metadataPath = "/.well-known/oauth-protected-resource"
}

/// The MCP Streamable HTTP transport (spec 2025-11-25) for an ISV backend: every POST carries
/// its user's bearer token, verified before anything else is read; each JSON-RPC request runs on
/// a server of its own for the user that token names, and answers with JSON, or with an SSE
/// stream (progress, then the response) when the client accepts one. No session state: any
/// replica can answer any request. GET and DELETE answer 405 (no server-initiated stream).
public enum StreamableHTTPServer {
    public static func start(_ options: StreamableHTTPOptions, tools: SearchToolsServer, verifier: BearerVerifier,
                             directory: UserDirectory, stopOnSignals: Bool = false,
                             logger: Logger = Logger(label: "qseek.mcp", factory: { _ in SwiftLogNoOpLogHandler() }))
        async throws -> RunningMCPServer {
        let endpoint = MCPEndpoint(tools: tools, verifier: verifier, directory: directory, maxBodyBytes: options.maxBodyBytes,
                                   logger: logger)
        let router = Router(context: BasicRequestContext.self)
        router.post(.init(stringLiteral: StreamableHTTPOptions.endpointPath)) { request, _ in await endpoint.post(request) }
        router.get(.init(stringLiteral: StreamableHTTPOptions.endpointPath)) { _, _ in MCPEndpoint.methodNotAllowed() }
        router.delete(.init(stringLiteral: StreamableHTTPOptions.endpointPath)) { _, _ in MCPEndpoint.methodNotAllowed() }
        // RFC 9728 §3.1: the metadata of resource `https://host/mcp` is at the well-known path with
        // the resource's path appended; the bare well-known path answers too, for simple clients.
        router.get(.init(stringLiteral: StreamableHTTPOptions.metadataPath + StreamableHTTPOptions.endpointPath)) { _, _ in
            await endpoint.metadataDocument()
        }
        router.get(.init(stringLiteral: StreamableHTTPOptions.metadataPath)) { _, _ in await endpoint.metadataDocument() }

        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let host = options.host
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: options.port), serverName: "qseek-mcp"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
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
        guard let port = await iterator.next(), port > 0 else {
            try await task.value
            throw MCPServerStartError.noBoundPort
        }
        let origin = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        let resource = options.resource.isEmpty ? origin + StreamableHTTPOptions.endpointPath : options.resource
        await endpoint.bind(resource: resource)
        return RunningMCPServer(baseURL: origin, resource: resource, port: port, group: group, task: task)
    }
}

/// A started `qseek mcp --http`.
public final class RunningMCPServer: Sendable {
    /// `http://HOST:PORT` as bound.
    public let baseURL: String
    /// The MCP endpoint's public URL (the protected resource).
    public let resource: String
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(baseURL: String, resource: String, port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.baseURL = baseURL
        self.resource = resource
        self.port = port
        self.group = group
        self.task = task
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
}

public enum MCPServerStartError: Error, Sendable, CustomStringConvertible {
    case noBoundPort

    public var description: String { "the MCP HTTP server did not bind a port" }
}
