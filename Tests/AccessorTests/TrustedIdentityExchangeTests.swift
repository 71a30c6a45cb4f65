import Accessor
import AWS
import Foundation
import Sandbox
import Synchronization
import Testing

/// The exchange and the search against the in-process sandbox, which checks every request
/// the way AWS would (signatures, tenant tag, identity context, ACLs).
@Suite("The TTI exchange and passage search, against the sandbox")
struct TrustedIdentityExchangeTests {
    /// A sandbox, the exchange wired to it, and a clock the test can move.
    struct Setup {
        let sandbox: RunningSandbox
        let exchange: TrustedIdentityExchange
        let search: PassageSearch
        let tenants: [Accessor.Tenant]
        let user: Shared<SignedInUser>
        let clock: Shared<Date>
        let transport: AWS.AsyncHTTPTransport

        static func start() async throws -> Setup {
            let sandbox = try await SandboxServer.start()
            let endpoints = EndpointResolver(environment: [:], overrides: [
                .sts: sandbox.endpoints.sts, .ssoOIDC: sandbox.endpoints.ssoOIDC,
                .qbusiness: sandbox.endpoints.qbusiness, .bedrockRuntime: sandbox.endpoints.bedrockRuntime,
            ])
            let account = ISVAccount(
                baseCredentials: StaticCredentialsProvider(Credentials(accessKeyID: DemoCredentials.accessKeyID,
                                                                       secretAccessKey: DemoCredentials.secretAccessKey)),
                roleARN: sandbox.corpus.dataAccessorRoleARN, region: "us-east-1")
            let alice: SignedInUser
            do {
                alice = SignedInUser(subject: "u-alice", idToken: try await SandboxSignIn.idToken(for: "alice@acme.example", at: sandbox))
            } catch {
                await sandbox.shutdown()
                throw error
            }
            let transport = AWS.AsyncHTTPTransport()
            let user = Shared(alice)
            let clock = Shared(Date())
            let setup = Setup(sandbox: sandbox, exchange: TrustedIdentityExchange(
                account: account, endpoints: endpoints, transport: transport,
                idToken: { [user] in user.withLock { $0 } }, now: { [clock] in clock.withLock { $0 } }),
                search: PassageSearch(exchange: TrustedIdentityExchange(account: account, endpoints: endpoints, transport: transport,
                                                                        idToken: { [user] in user.withLock { $0 } }),
                                      endpoints: endpoints, transport: transport),
                tenants: sandbox.corpus.tenants.map {
                    Accessor.Tenant(id: $0.id, name: $0.name, applicationID: $0.applicationID, retrieverID: $0.retrieverID,
                                    region: $0.region, idcRegion: $0.idcRegion, idcApplicationARN: $0.idcApplicationARN)
                },
                user: user, clock: clock, transport: transport)
            return setup
        }

        var acme: Accessor.Tenant { tenants.first { $0.id == "T0100ACME" }! }

        /// Runs `body` with a fresh setup and always shuts it down.
        static func run(_ body: (Setup) async throws -> Void) async throws {
            let setup = try await start()
            do {
                try await body(setup)
            } catch {
                await setup.stop()
                throw error
            }
            await setup.stop()
        }

        func stop() async {
            try? await transport.shutdown()
            await sandbox.shutdown()
        }
    }

    @Test("The exchange reports its three steps in order and yields session credentials")
    func stepsInOrder() async throws {
        try await Setup.run { setup in
            let steps = Shared<[ExchangeStep]>([])
            let credentials = try await setup.exchange.credentials(for: setup.acme) { report in
                #expect(report.failure == nil)
                steps.withLock { $0.append(report.step) }
            }
            #expect(steps.withLock { $0 } == [.assumeRole, .exchangeToken, .assumeIdentityAwareRole])
            #expect(credentials.accessKeyID.hasPrefix("ASIA"))
            #expect(credentials.sessionToken != nil)
            #expect(credentials.expiration != nil)
        }
    }

    @Test("Credentials are reused for the same user and tenant, and renewed two minutes before expiry")
    func cachingAndRenewal() async throws {
        try await Setup.run { setup in
            let first = try await setup.exchange.credentials(for: setup.acme)
            let again = try await setup.exchange.credentials(for: setup.acme)
            #expect(again.accessKeyID == first.accessKeyID)

            // Two minutes and a bit before expiry: still fine. Inside two minutes: renewed.
            let expiry = try #require(first.expiration)
            setup.clock.withLock { $0 = expiry.addingTimeInterval(-125) }
            #expect(try await setup.exchange.credentials(for: setup.acme).accessKeyID == first.accessKeyID)
            setup.clock.withLock { $0 = expiry.addingTimeInterval(-115) }
            #expect(try await setup.exchange.credentials(for: setup.acme).accessKeyID != first.accessKeyID)
        }
    }

    @Test("Credentials are never reused across users, and sign-out forgets them all")
    func isolation() async throws {
        try await Setup.run { setup in
            let alice = try await setup.exchange.credentials(for: setup.acme)
            let bobToken = try await SandboxSignIn.idToken(for: "bob@acme.example", at: setup.sandbox)
            setup.user.withLock { $0 = SignedInUser(subject: "u-bob", idToken: bobToken) }
            let bob = try await setup.exchange.credentials(for: setup.acme)
            #expect(bob.accessKeyID != alice.accessKeyID)

            await setup.exchange.discardAll()
            #expect(try await setup.exchange.credentials(for: setup.acme).accessKeyID != bob.accessKeyID)
        }
    }

    @Test("A tenant the user is not assigned to fails at the token exchange, in words")
    func foreignTenant() async throws {
        try await Setup.run { setup in
            let northwind = try #require(setup.tenants.first { $0.id != "T0100ACME" })
            do {
                _ = try await setup.exchange.credentials(for: northwind)
                Issue.record("alice was let into another customer's tenant")
            } catch let error as AccessorError {
                guard case .exchange(let step, let cause) = error else { Issue.record("\(error)"); return }
                #expect(step == .exchangeToken)
                #expect(cause.awsCode != nil, "Identity Center said no: \(cause)")
                #expect(!cause.userMessage.contains("eyJ"))  // never the token
            }
        }
    }

    @Test("A wrong data-accessor application ARN is named at the token exchange")
    func wrongApplicationARN() async throws {
        try await Setup.run { setup in
            var tenant = setup.acme
            tenant.idcApplicationARN += "-wrong"
            do {
                _ = try await setup.exchange.credentials(for: tenant)
                Issue.record("a wrong application ARN was accepted")
            } catch let error as AccessorError {
                guard case .exchange(.exchangeToken, let cause) = error else { Issue.record("\(error)"); return }
                #expect(cause.userMessage.contains("application ARN"))
            }
        }
    }

    @Test("Search streams pages, ranks run on across pages, and stops at max pages")
    func pages() async throws {
        try await Setup.run { setup in
            let query = PassageQuery(tenant: setup.acme, text: "quarterly planning process", pageSize: 3, maxPages: 2)
            var pages: [[Accessor.Passage]] = []
            for try await page in setup.search.pages(of: query) { pages.append(page) }
            #expect(pages.count == 2)
            #expect(pages.flatMap { $0 }.map(\.rank) == Array(1...6))
            #expect(pages.flatMap { $0 }.allSatisfy { !$0.title.isEmpty && !$0.documentID.isEmpty })
        }
    }

    @Test("An attribute filter narrows the search")
    func filtered() async throws {
        try await Setup.run { setup in
            let parsed = try FilteredQuery.parse("quarterly planning process @category=no-such-category")
            let query = PassageQuery(tenant: setup.acme, text: parsed.text, filter: parsed.filter, pageSize: 5, maxPages: 1)
            var passages: [Accessor.Passage] = []
            for try await page in setup.search.pages(of: query) { passages += page }
            #expect(passages.isEmpty)
        }
    }
}

/// A value shared between the test and the closures it hands the exchange.
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { body(&$0) }
    }
}
