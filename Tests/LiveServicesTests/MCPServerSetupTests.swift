import Foundation
import HTTP
import SandboxTestSupport
import SearchTools
import Testing
@testable import LiveServices

/// `qseek mcp --http` as the command builds it from a config: the bearer token is verified
/// against the config's issuer and audience, and a verified user searches their own tenants.
@Suite("The MCP HTTP server from a real config", .serialized)
struct MCPServerSetupTests {
    @Test func aRequestWithoutATokenIsRefusedAndOneWithTheUsersIDTokenIsServed() async throws {
        try await SandboxSetup.run { setup in
            let environment = try setup.appEnvironment()
            let tools = SearchToolsServer(settings: try environment.searchToolsSettings(), version: "test", logger: environment.logger)
            let server = try await environment.startMCPServer(tools: tools, host: "127.0.0.1", port: 0, stopOnSignals: false)
            let token = try await setup.signIn("alice@acme.example").idToken
            let list = #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_tenants","arguments":{}}}"#
            func post(bearer: String?) async throws -> HTTPResponse {
                var headers = [("Content-Type", "application/json"), ("Accept", "application/json, text/event-stream"),
                               ("MCP-Protocol-Version", "2025-11-25")]
                if let bearer { headers.append(("Authorization", "Bearer \(bearer)")) }
                return try await AsyncHTTPTransport.shared.send(
                    HTTPRequest(method: "POST", url: server.resource, headers: headers, body: Array(list.utf8)), timeout: .seconds(60))
            }
            let refused = try await post(bearer: nil)
            let served = try await post(bearer: token)
            await server.shutdown()
            await environment.shutdown()
            #expect(server.resource.hasSuffix("/mcp"))
            #expect(refused.statusCode == 401)
            #expect(served.statusCode == 200)
            let body = String(decoding: served.body, as: UTF8.self)
            #expect(body.contains("T0100ACME"), "alice's tenant is listed")
            #expect(!body.contains("T0300GLBX"), "an auth-code tenant is never offered over HTTP")
        }
    }
}
