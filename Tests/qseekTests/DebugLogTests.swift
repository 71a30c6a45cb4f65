import AWS
import Foundation
import QseekConfiguration
import Sandbox
import Testing
@testable import qseek

/// `--debug FILE` logs every request and every step of the flow, and not one secret.
@Suite("--debug log", .serialized)
struct DebugLogTests {
    @Test func aFullSearchWithDebugLogsEveryRequestAndNoSecret() async throws {
        try await SandboxSetup.run { setup in
            let tokens = try await setup.signIn("alice@acme.example")
            let tokenFile = setup.directory.appendingPathComponent("id-token").path
            try tokens.idToken.write(toFile: tokenFile, atomically: true, encoding: .utf8)
            let log = setup.directory.appendingPathComponent("debug.log").path

            let command = try #require(try Qseek.parseAsRoot([
                "search", "vacation policy", "--tenant", "T0100ACME", "--config", setup.configPath,
                "--debug", log, "--id-token-file", tokenFile, "--json",
            ]) as? Search)
            try await command.run()

            let text = try String(contentsOfFile: log, encoding: .utf8)
            // Every call of the flow, with status, latency, request id and attempt.
            for path in ["path=/sts/", "path=/sso-oidc/token", "path=/qbusiness/applications/"] {
                let line = try #require(text.split(separator: "\n").first { $0.contains("AWS request") && $0.contains(path) }, "no line for \(path)")
                #expect(line.contains("status=200"))
                #expect(line.contains("attempt=1"))
                #expect(line.contains("latencyMs="))
                #expect(line.contains("requestId=") && !line.contains("requestId=-"))
            }
            for step in ["assumeRole", "exchangeToken", "assumeIdentityAwareRole"] {
                #expect(text.contains("exchange step done") && text.contains("step=\(step)"))
            }
            #expect(text.contains("search page arrived"))

            var secrets = [tokens.idToken, DemoCredentials.secretAccessKey]
            if let access = tokens.accessToken { secrets.append(access) }
            if let refresh = tokens.refreshToken { secrets.append(refresh) }
            for secret in secrets {
                #expect(!text.contains(secret), "a secret reached the debug log")
            }
        }
    }

    @Test func theCredentialsAndIdentityContextOfTheExchangeNeverReachTheLog() async throws {
        try await SandboxSetup.run { setup in
            try await setup.signIn("alice@acme.example")
            let log = setup.directory.appendingPathComponent("debug.log").path
            let recorder = RecordingTransport(base: AWS.AsyncHTTPTransport())
            let (config, location) = try QseekConfig.load(option: setup.configPath, environment: [:])
            let environment = try AppEnvironment(config: config, configPath: location.path, environment: setup.environment,
                                                 tokenCache: setup.cache, transport: recorder,
                                                 logger: SignInCommandSupport.makeLogger(debugFile: log))
            let tenant = try #require(environment.tenants.first)
            var passages = 0
            for try await page in environment.search.pages(of: .init(tenant: tenant, text: "incident", pageSize: 5, maxPages: 2)) {
                passages += page.count
            }
            await environment.shutdown()
            try await recorder.base.shutdown()
            #expect(passages > 0)

            let secrets = await recorder.secrets()
            // Two AssumeRole answers (key, secret, session token each), the IdC token, its id token, the identity context.
            #expect(secrets.count >= 8)
            let text = try String(contentsOfFile: log, encoding: .utf8)
            #expect(text.contains("AWS request"))
            for secret in secrets {
                #expect(!text.contains(secret), "a secret of the exchange reached the debug log")
            }
        }
    }

    @Test func redactionCutsJWTsAndSecretNamedValues() {
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1LWFsaWNlIn0.c2lnbmF0dXJl"
        #expect(!LogRedaction.text("token \(jwt) here").contains(jwt))
        #expect(LogRedaction.value("AKIA", key: "sessionToken") == "<redacted>")
        #expect(LogRedaction.value("us-east-1", key: "region") == "us-east-1")
    }
}


/// The real transport, keeping every response body so the test knows each secret that
/// crossed the wire.
actor RecordingTransportLog {
    var bodies: [String] = []
    func append(_ body: String) { bodies.append(body) }
}

struct RecordingTransport: AWS.HTTPTransport {
    let base: AWS.AsyncHTTPTransport
    let log = RecordingTransportLog()

    func send(_ request: AWS.HTTPRequest, timeout: Duration) async throws -> AWS.HTTPResponse {
        let response = try await base.send(request, timeout: timeout)
        await log.append(String(decoding: response.body, as: UTF8.self))
        return response
    }

    func stream(_ request: AWS.HTTPRequest, timeout: Duration) async throws -> AWS.HTTPStreamingResponse {
        try await base.stream(request, timeout: timeout)
    }

    /// Credentials from STS XML and tokens from SSO-OIDC JSON.
    func secrets() async -> [String] {
        var found: [String] = []
        for body in await log.bodies {
            for tag in ["AccessKeyId", "SecretAccessKey", "SessionToken"] {
                if let value = body.firstMatch(of: try! Regex("<\(tag)>([^<]+)</\(tag)>"))?.output[1].substring { found.append(String(value)) }
            }
            if body.hasPrefix("{"), let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] {
                for key in ["accessToken", "idToken", "refreshToken"] {
                    if let value = object[key] as? String { found.append(value) }
                }
                if let details = object["awsAdditionalDetails"] as? [String: Any], let context = details["identityContext"] as? String {
                    found.append(context)
                }
            }
        }
        return found
    }
}
