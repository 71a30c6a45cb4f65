import Accessor
import AWS
import Foundation
import Sandbox
import Testing

/// What the exchange records of itself for the flow view: per step the endpoint, the fields
/// that matter, the answer's highlights and the decoded tokens — and never a secret the
/// sandbox issued (its secret ledger lists every one).
@Suite("The exchange's own record of its steps, for the flow view")
struct ExchangeFlowDetailTests {
    @Test("Each step reports where it went, what it sent and got, with tokens decoded and every secret redacted")
    func detailsWithoutSecrets() async throws {
        let ledger = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-ledger-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: ledger) }
        var options = SandboxOptions()
        options.secretLedgerPath = ledger.path
        let sandbox = try await SandboxServer.start(options)
        let transport = AWS.AsyncHTTPTransport()
        do {
            let (exchange, tenant) = try await Self.exchange(at: sandbox, transport: transport)
            let reports = Shared<[ExchangeStepReport]>([])
            let gated = Shared<[String]>([])
            _ = try await exchange.credentials(for: tenant, observe: { report in reports.withLock { $0.append(report) } },
                                               gate: { pending in
                                                   // The gate comes before the step is sent: its report is not in yet.
                                                   let reported = reports.withLock { $0.count }
                                                   gated.withLock { $0.append("\(pending.step)@\(reported)") }
                                               })
            #expect(gated.withLock { $0 } == ["assumeRole@0", "exchangeToken@1", "assumeIdentityAwareRole@2"])
            let details = reports.withLock { $0 }.compactMap(\.detail)
            try #require(details.count == 3)

            let first = details[0], second = details[1], third = details[2]
            #expect(first.party == .sts && first.operation == "AssumeRole" && first.region == "us-east-1")
            #expect(first.host?.hasPrefix("127.0.0.1:") == true)
            #expect(first.attempts == 1 && first.retries == 0)
            #expect(first.request.contains { $0.name == "Role ARN" && $0.value == sandbox.corpus.dataAccessorRoleARN })
            #expect(first.request.contains { $0.name == "Session tag" && $0.value == "qbusiness-dataaccessor:ExternalId = T0100ACME" })
            #expect(first.highlights.contains { $0.name == "Assumed-role ARN" && $0.value.contains("assumed-role") })
            #expect(first.highlights.contains { $0.name == "Expires" })

            #expect(second.party == .identityCenter && second.operation == "CreateTokenWithIAM")
            #expect(second.request.contains { $0.name == "Grant type" && $0.value == "urn:ietf:params:oauth:grant-type:jwt-bearer" })
            #expect(second.request.contains { $0.name == "Client ID" && $0.value == tenant.idcApplicationARN })
            #expect(second.highlights.contains { $0.name == "Issued token type" })
            let idToken = try #require(second.tokens.first { $0.name.hasPrefix("ID token") })
            let claimNames = idToken.claims.map(\.name)
            #expect(Array(claimNames.prefix(5)) == ["iss", "aud", "sub", "email", "exp"])
            #expect(idToken.claims.contains { $0.name == "email" && $0.value == "alice@acme.example" })
            #expect(idToken.header.contains { $0.name == "alg" })
            #expect(idToken.signature.hasPrefix("(redacted, "))
            let identityCenterToken = try #require(second.tokens.first { $0.name == "Identity Center ID token" })
            #expect((identityCenterToken.identityContextSize ?? 0) > 0)
            #expect(identityCenterToken.claims.contains { $0.name == "sts:identity_context" && $0.value.hasPrefix("present, (redacted, ") })

            #expect(third.request.contains { $0.name == "Provider ARN" && $0.value == ProvidedContext.identityCenterProviderARN })
            #expect(third.request.contains { $0.name == "Context assertion" && $0.value.contains("(redacted, ") })

            // Nothing the sandbox issued appears in any of it.
            let shown = details.map(Self.everything).joined(separator: "\n")
            let secrets = try String(contentsOf: ledger, encoding: .utf8).split(separator: "\n").compactMap { line -> String? in
                let parts = line.split(separator: "\t", maxSplits: 1)
                return parts.count == 2 ? String(parts[1]) : nil
            }
            #expect(secrets.count >= 5)
            for secret in secrets {
                #expect(!shown.contains(secret))
                if secret.split(separator: ".").count == 3, let signature = secret.split(separator: ".").last {
                    #expect(!shown.contains(signature))
                }
            }
            #expect(!shown.contains(DemoCredentials.secretAccessKey))
        } catch {
            try? await transport.shutdown()
            await sandbox.shutdown()
            throw error
        }
        try? await transport.shutdown()
        await sandbox.shutdown()
    }

    @Test("A JWT decodes like jwt.io; an opaque token shows only its length")
    func decoding() {
        func part(_ json: String) -> String { Base64URL.encode(Array(json.utf8)) }
        let jwt = part(#"{"alg":"RS256","kid":"k1"}"#) + "." + part(#"{"sub":"u-1","iss":"https://idp","exp":1800000000,"nonce":"n-secret","groups":["a","b"]}"#) + ".c2lnbmF0dXJl"
        let token = DecodedToken(name: "ID token", token: jwt)
        #expect(token.isDecoded)
        #expect(token.header == [.init("alg", "RS256"), .init("kid", "k1")])
        #expect(token.claims.map(\.name) == ["iss", "sub", "exp", "groups", "nonce"])
        #expect(token.claims.contains { $0.name == "exp" && $0.value == "1800000000 (2027-01-15T08:00:00Z)" })
        #expect(token.claims.contains { $0.name == "nonce" && $0.value == "present, (redacted, 8 chars)" })
        #expect(token.signature == "(redacted, 12 chars)")
        #expect(token.whole == "(redacted, \(jwt.count) chars)")
        let opaque = DecodedToken(name: "access token", token: "aoa-opaque-value")
        #expect(!opaque.isDecoded && opaque.whole == "(redacted, 16 chars)" && opaque.signature.isEmpty)
    }

    static func everything(_ detail: StepDetail) -> String {
        var text = [detail.host ?? "", detail.region ?? "", detail.operation]
        text += (detail.request + detail.highlights).flatMap { [$0.name, $0.value] }
        for token in detail.tokens {
            text += [token.name, token.whole, token.signature] + (token.header + token.claims).flatMap { [$0.name, $0.value] }
        }
        return text.joined(separator: "\n")
    }

    static func exchange(at sandbox: RunningSandbox, transport: AWS.AsyncHTTPTransport) async throws -> (TrustedIdentityExchange, Accessor.Tenant) {
        let endpoints = EndpointResolver(environment: [:], overrides: [.sts: sandbox.endpoints.sts, .ssoOIDC: sandbox.endpoints.ssoOIDC])
        let account = ISVAccount(
            baseCredentials: StaticCredentialsProvider(Credentials(accessKeyID: DemoCredentials.accessKeyID,
                                                                   secretAccessKey: DemoCredentials.secretAccessKey)),
            roleARN: sandbox.corpus.dataAccessorRoleARN, region: "us-east-1")
        let alice = SignedInUser(subject: "u-alice", idToken: try await SandboxSignIn.idToken(for: "alice@acme.example", at: sandbox))
        let tenant = try #require(sandbox.corpus.tenants.first { $0.id == "T0100ACME" })
        return (TrustedIdentityExchange(account: account, endpoints: endpoints, transport: transport, idToken: { alice }),
                Accessor.Tenant(id: tenant.id, name: tenant.name, applicationID: tenant.applicationID, retrieverID: tenant.retrieverID,
                                region: tenant.region, idcRegion: tenant.idcRegion, idcApplicationARN: tenant.idcApplicationARN))
    }
}
