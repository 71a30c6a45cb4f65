import Accessor
import AWS
import Crypto
import Foundation
import Sandbox
import Testing

/// The exchange for an auth-code tenant against the sandbox: the sign-in's code redeemed
/// once, the same role steps as TTI, the refresh token renewing with no browser (rotating),
/// and a refused renewal asking for a sign-in again.
@Suite("The auth-code exchange, against the sandbox")
struct AuthCodeExchangeTests {
    struct Setup {
        let sandbox: RunningSandbox
        let account: ISVAccount
        let endpoints: EndpointResolver
        let transport: AWS.AsyncHTTPTransport
        let store: MemoryIdentityCenterSessionStore
        let tenant: Accessor.Tenant
        let redirectURI: String

        func exchange() -> TrustedIdentityExchange {
            TrustedIdentityExchange(account: account, endpoints: endpoints, transport: transport,
                                    idToken: { throw AccessorError.signInRequired("an auth-code tenant never asks the ISV's IdP") },
                                    identityCenterSessions: store)
        }

        /// What a browser brings back from the sandbox's Identity Center for `email`.
        func authorization(for email: String) async throws -> TrustedIdentityExchange.AuthorizationCode {
            let verifier = (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "")
            let challenge = Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))
            var url = URLComponents(string: sandbox.endpoints.ssoOIDC + "/authorize")!
            url.queryItems = [.init(name: "response_type", value: "code"), .init(name: "client_id", value: tenant.idcApplicationARN),
                              .init(name: "redirect_uri", value: redirectURI), .init(name: "state", value: "s"),
                              .init(name: "code_challenge", value: challenge), .init(name: "code_challenge_method", value: "S256"),
                              .init(name: "login_hint", value: email)]
            let answer = try await transport.send(HTTPRequest(method: "GET", url: url.url!.absoluteString), timeout: .seconds(30))
            let location = try #require(answer.header("Location"))
            let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
            return .init(code: code, redirectURI: redirectURI, codeVerifier: verifier)
        }

        func search(_ exchange: TrustedIdentityExchange, _ text: String) async throws -> [Accessor.Passage] {
            let search = PassageSearch(exchange: exchange, endpoints: endpoints, transport: transport)
            var passages: [Accessor.Passage] = []
            for try await page in search.pages(of: PassageQuery(tenant: tenant, text: text, pageSize: 10, maxPages: 1)) { passages += page }
            return passages
        }

        static func run(_ body: (Setup) async throws -> Void) async throws {
            let sandbox = try await SandboxServer.start()
            let source = try #require(sandbox.corpus.tenants.first { $0.authentication == .identityCenterAuthCode })
            let redirectURI = source.redirectURIs[0]
            let setup = Setup(
                sandbox: sandbox,
                account: ISVAccount(baseCredentials: StaticCredentialsProvider(Credentials(accessKeyID: DemoCredentials.accessKeyID,
                                                                                           secretAccessKey: DemoCredentials.secretAccessKey)),
                                    roleARN: sandbox.corpus.dataAccessorRoleARN, region: "us-east-1"),
                endpoints: EndpointResolver(environment: [:], overrides: [.sts: sandbox.endpoints.sts, .ssoOIDC: sandbox.endpoints.ssoOIDC,
                                                                          .qbusiness: sandbox.endpoints.qbusiness]),
                transport: AWS.AsyncHTTPTransport(), store: MemoryIdentityCenterSessionStore(),
                tenant: Accessor.Tenant(id: source.id, name: source.name, applicationID: source.applicationID, retrieverID: source.retrieverID,
                                        region: source.region, idcRegion: source.idcRegion, idcApplicationARN: source.idcApplicationARN,
                                        authentication: .identityCenterAuthCode(redirectURI: redirectURI)),
                redirectURI: redirectURI)
            do {
                try await body(setup)
            } catch {
                try? await setup.transport.shutdown()
                await sandbox.shutdown()
                throw error
            }
            try? await setup.transport.shutdown()
            await sandbox.shutdown()
        }
    }

    @Test("Before any sign-in the tenant asks for one at its Identity Center, naming the command")
    func noSignInYet() async throws {
        try await Setup.run { setup in
            await #expect {
                _ = try await setup.exchange().credentials(for: setup.tenant)
            } throws: { error in
                guard case .identityCenterSignInRequired(let tenantID, _) = error as? AccessorError else { return false }
                return tenantID == setup.tenant.id && (error as? AccessorError)?.userMessage.contains("qseek login --tenant \(setup.tenant.id)") == true
            }
        }
    }

    @Test("A sign-in redeems the code in three steps, and the search sees what the member may read")
    func signInAndSearch() async throws {
        try await Setup.run { setup in
            let exchange = setup.exchange()
            let steps = Shared<[ExchangeStep]>([])
            let session = try await exchange.signIn(to: setup.tenant, with: try await setup.authorization(for: "ivan@globex.example")) { report in
                #expect(report.failure == nil)
                steps.withLock { $0.append(report.step) }
            }
            #expect(steps.withLock { $0 } == [.assumeRole, .redeemAuthorizationCode, .assumeIdentityAwareRole])
            #expect(session.user == "ivan@globex.example")
            #expect(!session.description.contains(session.refreshToken))
            let ids = try await setup.search(exchange, "failover runbook").map(\.documentID)
            #expect(ids.contains("globex-runbook-0002"))
            #expect(!ids.contains("globex-guide-0003"))
        }
    }

    @Test("Another process renews with the refresh token, no browser; the token rotates")
    func renewalWithoutBrowser() async throws {
        try await Setup.run { setup in
            let first = try await setup.exchange().signIn(to: setup.tenant, with: try await setup.authorization(for: "hana@globex.example"))
            // A new exchange (a new qseek process) has no credentials, only the stored sign-in.
            let later = setup.exchange()
            let steps = Shared<[ExchangeStep]>([])
            _ = try await later.credentials(for: setup.tenant) { report in steps.withLock { $0.append(report.step) } }
            #expect(steps.withLock { $0 } == [.assumeRole, .refreshIdentityCenterToken, .assumeIdentityAwareRole])
            let renewed = try #require(setup.store.session(for: setup.tenant))
            #expect(renewed.refreshToken != first.refreshToken)
            #expect(renewed.user == "hana@globex.example")
            let ids = try await setup.search(later, "ward handover checklist").map(\.documentID)
            #expect(ids.contains("globex-guide-0003"))
        }
    }

    @Test("A refused renewal forgets the sign-in and asks for a new one, in words")
    func refusedRenewal() async throws {
        try await Setup.run { setup in
            var session = try await setup.exchange().signIn(to: setup.tenant, with: try await setup.authorization(for: "hana@globex.example"))
            session.refreshToken = "aorAAAA-revoked"
            try setup.store.store(session, for: setup.tenant)
            await #expect {
                _ = try await setup.exchange().credentials(for: setup.tenant)
            } throws: { error in
                guard case .identityCenterSignInRequired = error as? AccessorError else { return false }
                return (error as? AccessorError)?.userMessage.contains("refused to renew") == true
            }
            #expect(setup.store.session(for: setup.tenant) == nil)
        }
    }

    @Test("Signing out forgets the sign-in and the credentials")
    func signOut() async throws {
        try await Setup.run { setup in
            let exchange = setup.exchange()
            _ = try await exchange.signIn(to: setup.tenant, with: try await setup.authorization(for: "ivan@globex.example"))
            _ = try await exchange.credentials(for: setup.tenant)
            try await exchange.signOut(of: setup.tenant)
            #expect(await exchange.identityCenterSession(for: setup.tenant) == nil)
            await #expect(throws: AccessorError.self) { _ = try await exchange.credentials(for: setup.tenant) }
        }
    }

    @Test("A code is redeemed once: a second sign-in with it fails at its step")
    func codeReplay() async throws {
        try await Setup.run { setup in
            let authorization = try await setup.authorization(for: "ivan@globex.example")
            _ = try await setup.exchange().signIn(to: setup.tenant, with: authorization)
            await #expect {
                _ = try await setup.exchange().signIn(to: setup.tenant, with: authorization)
            } throws: { error in
                guard case .exchange(.redeemAuthorizationCode, let cause) = error as? AccessorError else { return false }
                return cause.awsCode == "InvalidGrantException" && !cause.userMessage.contains(authorization.code)
            }
        }
    }
}
