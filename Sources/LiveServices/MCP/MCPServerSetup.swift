import Assistant
import Foundation
import OIDC
import SearchTools

extension AppEnvironment {
    /// The MCP tools' settings from the config: page size and count, the prompt's budget and template.
    public func searchToolsSettings() throws(CommandFailure) -> SearchToolsSettings {
        SearchToolsSettings(maxResults: config.search.maxResults, maxPages: config.search.maxPages,
                            budgetTokens: config.prompt.budgetTokens,
                            template: try PromptTemplate.configured(config, configPath: configPath))
    }

    /// `qseek mcp --http`: Streamable HTTP on `host`:`port` for many users, each request's bearer
    /// ID token verified against `[identity].issuer` with audience `[mcp].audience` (the client
    /// id when empty) and used as that user's TTI assertion. Returns once the port is bound.
    public func startMCPServer(tools: SearchToolsServer, host: String, port: Int,
                               stopOnSignals: Bool = true) async throws(CommandFailure) -> RunningMCPServer {
        let audience = config.mcp.audience.isEmpty ? config.identity.clientID : config.mcp.audience
        let verifier = BearerVerifier(issuer: config.identity.issuer, audience: audience,
                                      clockSkew: TimeInterval(config.mcp.clockSkewSeconds), transport: identityTransport)
        let backend = UserDirectory.Backend(account: account, endpoints: endpoints, transport: transport,
                                            // A request's bearer token is a TTI assertion: auth-code tenants
                                            // need a sign-in at their own Identity Center, which HTTP users cannot make.
                                            tenants: tenants.filter { !$0.usesIdentityCenterSignIn },
                                            tenantClaim: config.identity.tenantClaim)
        let directory = UserDirectory(backend: backend, maxUsers: config.mcp.maxUsers,
                                      idleLimit: TimeInterval(config.aws.sessionDuration), logger: logger)
        do {
            return try await StreamableHTTPServer.start(.init(host: host, port: port, resource: config.mcp.resource), tools: tools,
                                                        verifier: verifier, directory: directory, stopOnSignals: stopOnSignals,
                                                        logger: logger)
        } catch {
            throw .usage("cannot listen on \(host):\(port): \(error)")
        }
    }
}
