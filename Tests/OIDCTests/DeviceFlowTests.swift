import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import OIDC

@Suite("Device authorization grant (RFC 8628)")
struct DeviceFlowTests {
    let idp = TestIdentityProvider(extraMetadata: ["device_authorization_endpoint": "\(TestIdentityProvider.issuer)/device"])

    /// The token endpoint answers with `script` in order, then with a signed token.
    func run(script: [String], deviceAnswer: [String: Any]? = nil) async throws -> (Result<TokenSet, any Error>, [Duration], [SignInProgress]) {
        idp.transport.json("\(idp.issuer)/device", deviceAnswer ?? [
            "device_code": "dev-code", "user_code": "WDJB-MJHT",
            "verification_uri": "https://idp.example.test/device",
            "verification_uri_complete": "https://idp.example.test/device?user_code=WDJB-MJHT",
            "expires_in": 600, "interval": 5,
        ])
        let token = try await idp.sign(idp.claims(nonce: nil))
        let remaining = NIOLockedValueBox(script)
        idp.transport.route("\(idp.issuer)/token") { request in
            precondition(request.formFields["device_code"] == "dev-code")
            precondition(request.formFields["grant_type"] == "urn:ietf:params:oauth:grant-type:device_code")
            if let next = remaining.withLockedValue({ $0.isEmpty ? nil : $0.removeFirst() }) {
                return HTTPResponse(status: 400, body: Data(#"{"error":"\#(next)"}"#.utf8))
            }
            return HTTPResponse(status: 200, body: try JSONSerialization.data(withJSONObject: ["access_token": "at", "token_type": "Bearer", "id_token": token]))
        }
        let metadata = try await idp.metadata()
        let endpoint = TokenEndpoint(metadata: metadata, client: .none(clientID: TestIdentityProvider.clientID), verifier: try await idp.verifier(), transport: idp.transport)
        let sleeps = NIOLockedValueBox<[Duration]>([])
        let steps = NIOLockedValueBox<[SignInProgress]>([])
        let flow = DeviceFlow(endpoint: endpoint, scopes: ["openid"], transport: idp.transport, sleep: { duration in
            sleeps.withLockedValue { $0.append(duration) }
        })
        let result: Result<TokenSet, any Error>
        do {
            result = .success(try await flow.run { step in steps.withLockedValue { $0.append(step) } })
        } catch {
            result = .failure(error)
        }
        return (result, sleeps.withLockedValue { $0 }, steps.withLockedValue { $0 })
    }

    @Test func theUserCodeAndVerificationURIsAreReportedAndPollingWaitsTheInterval() async throws {
        let (result, sleeps, steps) = try await run(script: ["authorization_pending", "authorization_pending"])
        #expect(try result.get().claims.subject == "alice")
        #expect(sleeps == [.seconds(5), .seconds(5), .seconds(5)])
        #expect(steps.first == .deviceCode(
            userCode: "WDJB-MJHT",
            verificationURI: URL(string: "https://idp.example.test/device")!,
            verificationURIComplete: URL(string: "https://idp.example.test/device?user_code=WDJB-MJHT")!,
            expiresIn: 600))
    }

    @Test func slowDownAddsFiveSecondsToEveryLaterPoll() async throws {
        let (result, sleeps, _) = try await run(script: ["authorization_pending", "slow_down", "authorization_pending"])
        _ = try result.get()
        #expect(sleeps == [.seconds(5), .seconds(5), .seconds(10), .seconds(10)])
    }

    @Test func anExpiredDeviceCodeEndsTheFlow() async throws {
        let (result, _, _) = try await run(script: ["authorization_pending", "expired_token"])
        #expect(throws: OIDCError.deviceCodeExpired) { try result.get() }
    }

    @Test func aDeclinedRequestEndsTheFlow() async throws {
        let (result, _, _) = try await run(script: ["access_denied"])
        #expect(throws: OIDCError.deviceAccessDenied) { try result.get() }
    }

    @Test func withoutADeviceEndpointTheFlowIsNotOffered() async throws {
        let plain = TestIdentityProvider()
        let endpoint = TokenEndpoint(metadata: try await plain.metadata(), client: .none(clientID: "c"), verifier: try await plain.verifier(), transport: plain.transport)
        let flow = DeviceFlow(endpoint: endpoint, scopes: ["openid"], transport: plain.transport, sleep: { _ in })
        await #expect(throws: OIDCError.missingEndpoint("device_authorization_endpoint")) {
            try await flow.run { _ in }
        }
    }

    @Test func anAbsurdPollingIntervalOrLifetimeIsClampedNotATrap() async throws {
        let (result, sleeps, steps) = try await run(script: ["authorization_pending", "slow_down"], deviceAnswer: [
            "device_code": "dev-code", "user_code": "WDJB-MJHT", "verification_uri": "https://idp.example.test/device",
            "expires_in": 1e30, "interval": 1e30,
        ])
        _ = try result.get()
        #expect(sleeps == [.seconds(60), .seconds(60), .seconds(60)])
        guard case .deviceCode(_, _, _, let expiresIn)? = steps.first else {
            Issue.record("no device code step")
            return
        }
        #expect(expiresIn == 86_400)
    }

    @Test func aNegativeDeviceCodeLifetimeIsRefusedAsAnUnexpectedResponse() async throws {
        let (result, _, _) = try await run(script: [], deviceAnswer: [
            "device_code": "dev-code", "user_code": "WDJB-MJHT", "verification_uri": "https://idp.example.test/device", "expires_in": -5,
        ])
        #expect(throws: OIDCError.self) { try result.get() }
    }

    @Test func aHugeTokenLifetimeIsClampedToAYear() throws {
        for body in [#"{"access_token":"a","expires_in":1e30}"#, #"{"access_token":"a","expires_in":"1e300"}"#] {
            let response = try JSONDecoder().decode(TokenResponse.self, from: Data(body.utf8))
            #expect(response.expiresIn == 31_536_000.0)  // a year
        }
        let negative = try JSONDecoder().decode(TokenResponse.self, from: Data(#"{"access_token":"a","expires_in":-1}"#.utf8))
        #expect(negative.expiresIn == nil)
    }
}
