import Foundation
import HTTPServing
import Hummingbird
import Logging

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

        let server = try await RunningServer.start(router.buildResponder(), host: options.host, port: options.port,
                                                   serverName: "qseek-mcp", stopOnSignals: stopOnSignals, logger: logger)
        let resource = options.resource.isEmpty ? server.origin + StreamableHTTPOptions.endpointPath : options.resource
        await endpoint.bind(resource: resource)
        return RunningMCPServer(server: server, resource: resource)
    }
}

/// A started `qseek mcp --http`.
public final class RunningMCPServer: Sendable {
    /// `http://HOST:PORT` as bound.
    public var baseURL: String { server.origin }
    /// The MCP endpoint's public URL (the protected resource).
    public let resource: String
    public var port: Int { server.port }
    private let server: RunningServer

    init(server: RunningServer, resource: String) {
        self.resource = resource
        self.server = server
    }

    /// Stops accepting connections, finishes the requests in flight, and returns when done.
    public func shutdown() async {
        await server.shutdown()
    }

    /// Serves until SIGINT or SIGTERM (with `stopOnSignals`) or `shutdown()`.
    public func waitUntilStopped() async throws {
        try await server.waitUntilStopped()
    }
}
