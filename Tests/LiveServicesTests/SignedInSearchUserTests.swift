import Foundation
import MCP
import SearchTools
import Testing
import SandboxTestSupport
@testable import LiveServices

/// `qseek mcp` over stdio as an MCP client sees it (an in-memory pipe instead of stdin/stdout):
/// the cached sign-in's user, and a tool result that says to run `qseek login` when there is none.
@Suite("The MCP server's signed-in user", .serialized, .timeLimit(.minutes(2)))
struct SignedInSearchUserTests {
    func connect(_ setup: SandboxSetup, _ body: (Client) async throws -> Void) async throws {
        let environment = try setup.appEnvironment()
        let server = await SearchToolsServer(version: "test").makeServer(user: environment.signedInSearchUser())
        let (clientSide, serverSide) = await InMemoryTransport.createConnectedPair()
        try await server.start(transport: serverSide)
        let client = Client(name: "test-client", version: "1")
        do {
            _ = try await client.connect(transport: clientSide)
            try await body(client)
        } catch {
            await client.disconnect()
            await server.stop()
            await environment.shutdown()
            throw error
        }
        await client.disconnect()
        await server.stop()
        await environment.shutdown()
    }

    @Test func withoutASignInTheToolSaysToRunQseekLogin() async throws {
        try await SandboxSetup.run { setup in
            try await connect(setup) { client in
                let (tools, _) = try await client.listTools()
                #expect(Set(tools.map(\.name)) == ["search", "list_tenants", "whoami"])
                #expect(tools.first { $0.name == "search" }?.outputSchema != nil)
                let (content, isError) = try await client.callTool(name: "search", arguments: ["query": "vacation policy"])
                #expect(isError == true)
                guard case .text(let text, _, _)? = content.first else {
                    Issue.record("no text")
                    return
                }
                #expect(text.contains("qseek login"))
            }
        }
    }

    @Test func theCachedSignInIsTheUserOfEveryTool() async throws {
        try await SandboxSetup.run { setup in
            let tokens = try await setup.signIn("alice@acme.example")
            try await connect(setup) { client in
                let context: RequestContext<CallTool.Result> = try await client.callTool(name: "whoami", arguments: [:])
                let whoami = try await context.value
                #expect(whoami.structuredContent?.objectValue?["email"]?.stringValue == "alice@acme.example")
                let search = try await client.send(CallTool.request(.init(name: "search", arguments: ["query": "vacation policy"]))).value
                #expect(search.isError != true)
                let passages = search.structuredContent?.objectValue?["passages"]?.arrayValue ?? []
                #expect(!passages.isEmpty)
                let everything = "\(whoami) \(search)"
                for secret in [tokens.idToken, tokens.accessToken ?? ""] where !secret.isEmpty {
                    #expect(!everything.contains(secret))
                }
            }
        }
    }
}
