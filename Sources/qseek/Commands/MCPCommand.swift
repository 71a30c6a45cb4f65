import Accessor
import ArgumentParser
import Assistant
import Foundation
import LiveServices
import OIDC
import SearchTools

/// `qseek mcp [--http HOST:PORT]`: each user's permission-aware search as MCP tools.
struct MCPServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve search as Model Context Protocol tools: stdio for your AI apps, or Streamable HTTP for an ISV backend.",
        discussion: """
            Without --http, serves one MCP client over stdin/stdout as the signed-in user (run `qseek login` first). \
            With --http HOST:PORT (or PORT, on 127.0.0.1), serves Streamable HTTP at /mcp: every request carries its \
            user's ID token as `Authorization: Bearer …`, verified against [identity].issuer with audience \
            [mcp].audience. The first stdout line is `mcp: URL`.
            """
    )

    @OptionGroup var common: SignInCommonOptions

    @Option(name: .long, help: "Serve Streamable HTTP on HOST:PORT (or PORT on 127.0.0.1) instead of stdio.")
    var http: String?

    func validate() throws {
        if let http, Self.address(http) == nil {
            throw ValidationError("--http takes HOST:PORT or PORT, e.g. 127.0.0.1:8080")
        }
    }

    func run() async throws {
        try await CommandContext.run(options: common) { environment in
            let tools = SearchToolsServer(settings: try environment.searchToolsSettings(), version: QseekVersion.number,
                                          logger: environment.logger)
            if let http, let address = Self.address(http) {
                try await serveHTTP(environment, tools: tools, host: address.0, port: address.1)
            } else {
                try await tools.serveStdio(user: environment.signedInSearchUser())
            }
        }
    }

    private func serveHTTP(_ environment: AppEnvironment, tools: SearchToolsServer, host: String, port: Int) async throws {
        let running = try await environment.startMCPServer(tools: tools, host: host, port: port)
        StandardStreams.out("mcp: \(running.resource)\n")
        if !Self.isLoopback(host) && !running.resource.hasPrefix("https://") {
            StandardStreams.err("""
                warning: listening on \(host), not loopback, and [mcp].resource is not https: put TLS in front \
                (a load balancer or proxy) and set [mcp].resource to its https URL.\n
                """)
        }
        try await running.waitUntilStopped()
    }

    /// `HOST:PORT`, `[IPv6]:PORT` or `PORT` (on 127.0.0.1).
    static func address(_ text: String) -> (String, Int)? {
        if let port = Int(text) { return (0...65535).contains(port) ? ("127.0.0.1", port) : nil }
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.")
    }
}
