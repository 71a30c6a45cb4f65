import Accessor
import AWS
import Crypto
import Foundation
import HTTP
import MCP
import Sandbox
@testable import SearchTools

/// A fresh in-process sandbox and what the MCP server builds from it: the bearer verifier for
/// its IdP and the per-user directory over its STS, Identity Center and Q Business.
struct ToolsSetup {
    let sandbox: RunningSandbox
    let verifier: BearerVerifier
    let directory: UserDirectory
    let tools: SearchToolsServer

    static func run<T>(_ options: SandboxOptions = SandboxOptions(), audience: String? = nil,
                       _ body: (ToolsSetup) async throws -> T) async throws -> T {
        let sandbox = try await SandboxServer.start(options)
        let endpoints = EndpointResolver(environment: [:], overrides: [
            .sts: sandbox.endpoints.sts, .ssoOIDC: sandbox.endpoints.ssoOIDC,
            .qbusiness: sandbox.endpoints.qbusiness, .bedrockRuntime: sandbox.endpoints.bedrockRuntime,
        ])
        let account = ISVAccount(
            baseCredentials: StaticCredentialsProvider(Credentials(accessKeyID: DemoCredentials.accessKeyID,
                                                                   secretAccessKey: DemoCredentials.secretAccessKey)),
            roleARN: sandbox.corpus.dataAccessorRoleARN, region: "us-east-1")
        let tenants = sandbox.corpus.tenants.map {
            Accessor.Tenant(id: $0.id, name: $0.name, applicationID: $0.applicationID, retrieverID: $0.retrieverID,
                            region: $0.region, idcRegion: $0.idcRegion, idcApplicationARN: $0.idcApplicationARN)
        }
        let transport = HTTP.AsyncHTTPTransport.shared
        let setup = ToolsSetup(
            sandbox: sandbox,
            verifier: BearerVerifier(issuer: sandbox.issuer, audience: audience ?? sandbox.corpus.clientID, transport: transport),
            directory: UserDirectory(backend: .init(account: account, endpoints: endpoints, transport: transport, tenants: tenants,
                                                    tenantClaim: "tenants")),
            tools: SearchToolsServer(settings: .init(maxResults: 5, maxPages: 2), version: "test"))
        do {
            let result = try await body(setup)
            await sandbox.shutdown()
            return result
        } catch {
            await sandbox.shutdown()
            throw error
        }
    }

    /// The user `email` as the HTTP server would find them from their verified ID token.
    func user(_ email: String) async throws -> SearchUser {
        await directory.user(for: try await verifier.verify(try await idToken(email)))
    }

    func calls(for email: String) async throws -> ToolCalls {
        let user = try await user(email)
        return ToolCalls(settings: tools.settings, user: { user }, logger: tools.logger)
    }

    /// An ID token from the sandbox IdP, as a browser would get it: authorization code + PKCE
    /// with a login hint the sandbox approves at once.
    func idToken(_ email: String) async throws -> String {
        let http = HTTP.AsyncHTTPTransport.shared
        let verifier = (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "")
        let challenge = Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))
        let redirect = "http://127.0.0.1:9/callback"
        var query = URLComponents(string: sandbox.issuer + "/authorize")!
        query.queryItems = [
            .init(name: "response_type", value: "code"), .init(name: "client_id", value: sandbox.corpus.clientID),
            .init(name: "redirect_uri", value: redirect), .init(name: "code_challenge", value: challenge),
            .init(name: "code_challenge_method", value: "S256"), .init(name: "state", value: "s"),
            .init(name: "nonce", value: "n"), .init(name: "scope", value: "openid email profile"), .init(name: "login_hint", value: email),
        ]
        let authorize = try await http.send(HTTP.HTTPRequest(method: "GET", url: query.url!.absoluteString), timeout: .seconds(30))
        guard let location = authorize.header("Location"),
              let code = URLComponents(string: location)?.queryItems?.first(where: { $0.name == "code" })?.value else {
            throw SetupFailure(step: "authorize answered \(authorize.statusCode)")
        }
        var form = URLComponents()
        form.queryItems = [.init(name: "grant_type", value: "authorization_code"), .init(name: "code", value: code),
                           .init(name: "redirect_uri", value: redirect), .init(name: "client_id", value: sandbox.corpus.clientID),
                           .init(name: "code_verifier", value: verifier)]
        let response = try await http.send(HTTP.HTTPRequest(method: "POST", url: sandbox.issuer + "/token",
                                                            headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                                            body: Array((form.percentEncodedQuery ?? "").utf8)),
                                           timeout: .seconds(30))
        guard let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
              let idToken = object["id_token"] as? String else {
            throw SetupFailure(step: "token answered \(response.statusCode)")
        }
        return idToken
    }

    struct SetupFailure: Error { var step: String }
}

extension CallTool.Result {
    var text: String {
        content.compactMap { if case .text(let text, _, _) = $0 { return text } else { return nil } }.joined(separator: "\n")
    }

    /// The passages of a `search` result's structured content.
    var passages: [[String: Value]] {
        structuredContent?.objectValue?["passages"]?.arrayValue?.compactMap(\.objectValue) ?? []
    }
}
