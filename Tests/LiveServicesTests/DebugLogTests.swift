import AWS
import Foundation
import Logging
import QseekConfiguration
import SandboxTestSupport
import Testing
@testable import LiveServices

/// The `--debug FILE` log of the live services: every request, and not one secret.
@Suite("--debug log", .serialized)
struct DebugLogTests {
    @Test func theCredentialsAndIdentityContextOfTheExchangeNeverReachTheLog() async throws {
        try await SandboxSetup.run { setup in
            try await setup.signIn("alice@acme.example")
            let log = setup.directory.appendingPathComponent("debug.log").path
            let recorder = RecordingTransport(base: AWS.AsyncHTTPTransport())
            let (config, location) = try QseekConfig.load(option: setup.configPath, environment: [:])
            let environment = try AppEnvironment(config: config, configPath: location.path, environment: setup.environment,
                                                 tokenCache: setup.cache, transport: recorder,
                                                 logger: Logger(debugFile: log))
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
