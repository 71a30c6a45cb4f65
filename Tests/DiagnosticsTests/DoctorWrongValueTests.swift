import AWS
import Foundation
import QseekConfiguration
import SandboxTestSupport
import Testing
@testable import Diagnostics

/// `qseek doctor` with ONE wrong value in an otherwise good sandbox setup: the tenant id, the
/// issuer, the OIDC client id, the base secret key. Each fails at its own step, with every step
/// before it passing, and says in words what to change. Serialized for the same reason as
/// `DoctorTests`.
@Suite("qseek doctor, one wrong value at a time", .serialized)
struct DoctorWrongValueTests {
    static let acme = "T0100ACME"
    static let demoSecret = "sandbox/DemoSecretKey/NotASecret0000000001"

    /// The failure, after checking that every step before it passed.
    func failure(_ report: DoctorReport, at id: String, after earlier: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> DiagnosticResult {
        let failure = try #require(report.failed, "no step failed: \(report.steps.map(\.id))", sourceLocation: sourceLocation)
        #expect(failure.id == id, "\(failure.id): \(failure.cause ?? "")", sourceLocation: sourceLocation)
        let before = report.steps.prefix { $0 != failure }
        #expect(before.map(\.id) == earlier, sourceLocation: sourceLocation)
        #expect(before.allSatisfy { $0.status == .ok }, "\(before.filter { $0.status != .ok })", sourceLocation: sourceLocation)
        return failure
    }

    static let upToAWS = ["config", "discovery", "jwks", "sign-in", "aws-identity"]

    @Test func aTenantIdThatIsNotConfiguredIsNamedWithTheConfiguredOnes() async throws {
        try await SandboxSetup.run { setup in
            try await setup.signIn("alice@acme.example")
            let report = await setup.checkup(tenant: "T0999NONE")
            let failure = try failure(report, at: "tenant", after: Self.upToAWS)
            #expect(failure.cause?.contains("T0999NONE") == true)
            #expect(failure.cause?.contains("T0100ACME, T0200NWND") == true)
            #expect(failure.fix?.contains("[[tenants]] entry") == true)
            #expect(report.exitCode == 64)
        }
    }

    @Test func aTenantIdTheCustomerDidNotGiveFailsAtTheProbeSearchAndNamesTheTenantKey() async throws {
        // STS tags any value and Identity Center does not look at it: only Q Business, which
        // compares the tag with the data accessor's external id, refuses.
        try await SandboxSetup.run(editingConfig: { $0.replacingOccurrences(of: "id = \"T0100ACME\"", with: "id = \"T0100ACMX\"") }) { setup in
            try await setup.signIn("alice@acme.example")
            let report = await setup.checkup(tenant: "T0100ACMX")
            let failure = try failure(report, at: "search", after: Self.upToAWS + ["assume-role", "create-token", "identity-aware-role"])
            #expect(failure.cause?.contains("AccessDeniedException") == true || failure.cause?.contains("external id") == true)
            #expect(failure.fix?.hasPrefix("T0100ACMX is not in this user's `tenants` claim (T0100ACME) either: check tenants[0].id (tenant T0100ACMX) for a typo.") == true,
                    "\(failure.fix ?? "")")
            #expect(failure.fix?.contains("tenants[0].id (tenant T0100ACMX) is the accessor's external id") == true)
            #expect(report.exitCode == 66)
        }
    }

    @Test func anUnreachableIssuerFailsDiscoveryAsANetworkProblem() async throws {
        // Port 9 (discard) on loopback: nothing listens there. The IdP client retries the
        // connection until its 30-second timeout, so this test takes that long.
        try await SandboxSetup.run(editingConfig: { text in
            text.replacingOccurrences(of: #"issuer = "http://127\.0\.0\.1:[0-9]+/idp""#, with: #"issuer = "http://127.0.0.1:9/idp""#,
                                      options: .regularExpression)
        }) { setup in
            let report = await setup.checkup(tenant: Self.acme)
            let failure = try failure(report, at: "discovery", after: ["config"])
            #expect(failure.cause?.hasPrefix("GET http://127.0.0.1:9/idp/.well-known/openid-configuration failed.") == true, "\(failure.cause ?? "")")
            #expect(failure.fix?.contains("Check [identity].issuer") == true)
            #expect(report.exitCode == 69)
        }
    }

    @Test func anIssuerWithATrailingSlashIsCaughtByTheConfigCheckWithItsLine() async throws {
        try await SandboxSetup.run(editingConfig: { $0.replacingOccurrences(of: "/idp\"", with: "/idp/\"") }) { setup in
            let report = await setup.checkup(tenant: Self.acme)
            let failure = try failure(report, at: "config", after: [])
            #expect(failure.cause?.contains("config.toml:5: identity.issuer: remove the trailing `/`") == true, "\(failure.cause ?? "")")
            #expect(failure.fix?.contains("qseek config check") == true)
            #expect(report.exitCode == 64)
        }
    }

    @Test func anIssuerThatDiffersFromTheAdvertisedOneNamesTheRightString() async throws {
        // Another spelling of the same host: the discovery document is found, but it names the
        // issuer as the IdP spells it, and ID tokens (and customers' trust) use that string.
        try await SandboxSetup.run(editingConfig: { $0.replacingOccurrences(of: "issuer = \"http://127.0.0.1:", with: "issuer = \"http://localhost:") }) { setup in
            let report = await setup.checkup(tenant: Self.acme)
            let failure = try failure(report, at: "discovery", after: ["config"])
            #expect(failure.fix == "If that IdP is yours, set [identity].issuer = \"\(setup.sandbox.issuer)\" (customers' trusted token issuers must use the same string).")
            #expect(report.exitCode == 64)
        }
    }

    @Test func aClientIdTheIdPDoesNotKnowFailsTheSignInStepAndNamesTheKey() async throws {
        // Signed in with the right client; the config then names another one.
        try await SandboxSetup.run(editingConfig: { $0.replacingOccurrences(of: "client_id = \"qseek-demo\"", with: "client_id = \"qseek-demX\"") }) { setup in
            try await setup.signIn("alice@acme.example")
            let report = await setup.checkup(tenant: Self.acme)
            let failure = try failure(report, at: "sign-in", after: ["config", "discovery", "jwks"])
            #expect(failure.cause?.contains("client id \"qseek-demX\"") == true)
            #expect(failure.cause?.contains("invalid_client") == true)
            #expect(failure.fix?.hasPrefix("Set [identity].client_id to the client id registered for qseek at your IdP") == true)
            #expect(report.exitCode == 64)
        }
    }

    @Test func aMissingSignInWithTheRightClientIdStillJustSaysLogin() async throws {
        try await SandboxSetup.run { setup in
            let report = await setup.checkup(tenant: Self.acme)
            #expect(report.failed?.id == "sign-in")
            #expect(report.failed?.fix == "Run `qseek login`.")
        }
    }

    @Test func aWrongBaseSecretInTheConfigIsNamedWithItsKeyAndFile() async throws {
        try await SandboxSetup.run(editingConfig: { $0.replacingOccurrences(of: Self.demoSecret, with: "sandbox/DemoSecretKey/NotASecret0000000002") }) { setup in
            try await setup.signIn("alice@acme.example")
            let report = await setup.checkup(tenant: Self.acme)
            let failure = try failure(report, at: "aws-identity", after: ["config", "discovery", "jwks", "sign-in"])
            #expect(failure.cause?.contains("secret access key is wrong") == true)
            #expect(failure.cause?.contains("SignatureDoesNotMatch") == true || failure.cause?.contains("signature") == true)
            #expect(failure.fix?.hasPrefix("Fix [aws].secret_access_key in \(setup.configPath)") == true)
            #expect(failure.fix?.contains("AKIASANDBOXDEMO00001") == true)
            #expect(report.exitCode == 66)
            let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
            #expect(!json.contains("NotASecret0000000002"), "the secret must never be shown")
            // With --all, the later steps signed with the same key say the same, Bedrock included.
            let everything = await setup.checkup(tenant: Self.acme, all: true)
            #expect(everything.step("assume-role")?.fix == failure.fix)
            #expect(everything.step("model")?.fix == failure.fix)
        }
    }

    @Test func aWrongBaseSecretFromTheEnvironmentNamesTheVariable() async throws {
        try await SandboxSetup.run(editingConfig: { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("access_key_id") && !$0.hasPrefix("secret_access_key") }.joined(separator: "\n")
        }) { setup in
            try await setup.signIn("alice@acme.example")
            let report = await setup.checkup(tenant: Self.acme, environment: [
                "AWS_ACCESS_KEY_ID": "AKIASANDBOXDEMO00001", "AWS_SECRET_ACCESS_KEY": "wrong-secret-from-env",
                "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_EC2_METADATA_DISABLED": "true",
            ])
            let failure = try failure(report, at: "aws-identity", after: ["config", "discovery", "jwks", "sign-in"])
            #expect(failure.fix?.hasPrefix("Fix AWS_SECRET_ACCESS_KEY in the environment") == true)
            let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
            #expect(!json.contains("wrong-secret-from-env"))
        }
    }

    @Test func anUnknownAccessKeyIdIsNamedAsTheKeyNotTheSecret() async throws {
        try await SandboxSetup.run(editingConfig: { $0.replacingOccurrences(of: "AKIASANDBOXDEMO00001", with: "AKIASANDBOXDEMO00009") }) { setup in
            try await setup.signIn("alice@acme.example")
            let report = await setup.checkup(tenant: Self.acme)
            let failure = try failure(report, at: "aws-identity", after: ["config", "discovery", "jwks", "sign-in"])
            #expect(failure.cause?.contains("AWS does not know access key AKIASANDBOXDEMO00009") == true)
            #expect(failure.fix?.hasPrefix("Fix [aws].access_key_id in \(setup.configPath)") == true)
        }
    }

    @Test func anAudienceTheTrustedTokenIssuerRefusesNamesTheClientId() {
        var config = QseekConfig()
        config.identity.clientID = "qseek-web"
        let error = AWSError(service: "sso-oauth", code: "invalid_grant", message: "the assertion's audience is not the trusted audience", statusCode: 400)
        let diagnosis = DoctorAdvice(config: config).diagnose(error, step: "create-token")
        #expect(diagnosis.fix.contains("does not accept audience qseek-web: check [identity].client_id"))
    }
}
