import TestSupport
import Foundation
import NIOConcurrencyHelpers
import Testing
@testable import AWS

struct RetryBehaviourTests {
    static let getCallerIdentityXML = """
    <GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/isv</Arn>
    <UserId>AIDA</UserId><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>
    """

    @Test func throttlingThenUnavailableThenSuccessSucceedsAfterTwoBackoffs() async throws {
        let answers = NIOLockedValueBox([
            Reply.text(429, #"{"__type":"ThrottlingException","message":"slow"}"#),
            Reply.text(503, "<ErrorResponse><Error><Code>ServiceUnavailable</Code></Error></ErrorResponse>"),
            Reply.text(200, Self.getCallerIdentityXML),
        ])
        try await LocalHTTPServer.with({ _ in answers.withLockedValue { $0.removeFirst() } }) { server in
            try await Fixtures.withTransport { transport in
                let sleeps = SleepRecorder()
                let quota = RetryQuota()
                let sts = STS(client: try Fixtures.client(.sts, server: server, transport: transport, sleeps: sleeps, quota: quota))
                let identity = try await sts.getCallerIdentity()
                #expect(identity.account == "111122223333")
                #expect(server.requests.count == 3)
                // random() = 0.5, base 1 s: 0.5 s after attempt 1, 1 s after attempt 2.
                #expect(sleeps.recorded == [.milliseconds(500), .seconds(1)])
                // Two retries cost 10, the success refunds the last retry's 5.
                #expect(quota.available == RetryQuota.defaultCapacity - 5)
            }
        }
    }

    @Test func aClientErrorIsNotRetried() async throws {
        try await LocalHTTPServer.with({ _ in
            .text(400, "<ErrorResponse><Error><Code>ValidationError</Code><Message>bad</Message></Error></ErrorResponse>")
        }) { server in
            try await Fixtures.withTransport { transport in
                let sleeps = SleepRecorder()
                let sts = STS(client: try Fixtures.client(.sts, server: server, transport: transport, sleeps: sleeps))
                await #expect(throws: AWSError.self) { try await sts.getCallerIdentity() }
                #expect(server.requests.count == 1)
                #expect(sleeps.recorded.isEmpty)
            }
        }
    }

    @Test func aServerThatNeverAnswersEndsInATimeoutError() async throws {
        try await LocalHTTPServer.with({ _ in .hang }) { server in
            try await Fixtures.withTransport(.init(connectTimeout: .seconds(2), readTimeout: .milliseconds(300))) { transport in
                let sts = STS(client: try Fixtures.client(.sts, server: server, transport: transport, maxAttempts: 2,
                                                          timeout: .milliseconds(500)))
                do {
                    _ = try await sts.getCallerIdentity()
                    Issue.record("a hanging server produced an answer")
                } catch let error as TransportError {
                    #expect(error.isTimeout, "\(error)")
                }
                #expect(server.requests.count == 2)
            }
        }
    }

    @Test func anEmptyRetryQuotaStopsARetryStorm() async throws {
        try await LocalHTTPServer.with({ _ in .text(503, "") }) { server in
            try await Fixtures.withTransport { transport in
                let quota = RetryQuota(capacity: 12)
                let sts = STS(client: try Fixtures.client(.sts, server: server, transport: transport, quota: quota))
                for _ in 0..<4 {
                    await #expect(throws: AWSError.self) { try await sts.getCallerIdentity() }
                }
                // 12 tokens pay for two retries (5 each); after that every call is tried once.
                #expect(server.requests.count == 4 + 2)
                #expect(quota.available == 2)
            }
        }
    }

    @Test func backoffGrowsExponentiallyWithFullJitterAndIsCapped() {
        let strategy = RetryStrategy(random: { 1.0 })
        #expect(strategy.delay(afterAttempt: 1) == .seconds(1))
        #expect(strategy.delay(afterAttempt: 3) == .seconds(4))
        #expect(strategy.delay(afterAttempt: 10) == .seconds(20))
        #expect(RetryStrategy(random: { 0 }).delay(afterAttempt: 5) == .zero)
    }

    @Test func aSkewedClockIsCorrectedFromTheServerDateAndTheCallRetried() async throws {
        // The server's clock says 2030; a request signed more than 5 minutes away from it is refused.
        let serverNow = Date(timeIntervalSince1970: 1_900_000_000)
        let httpDate = "Sun, 17 Mar 2030 17:46:40 GMT"
        try await LocalHTTPServer.with({ request in
            guard let amzDate = request.header("X-Amz-Date"), let signedAt = SigningTime.parse(amzDate: amzDate),
                  abs(signedAt.timeIntervalSince(serverNow)) < 300 else {
                return .text(403, "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>Signature expired</Message></Error></ErrorResponse>",
                             headers: [("Date", httpDate)])
            }
            return .text(200, Self.getCallerIdentityXML)
        }) { server in
            try await Fixtures.withTransport { transport in
                let clock = ClockSkew(now: { Date(timeIntervalSince1970: 1_800_000_000) })
                let sts = STS(client: try Fixtures.client(.sts, server: server, transport: transport, clock: clock))
                _ = try await sts.getCallerIdentity()
                #expect(server.requests.count == 2)
                #expect(abs(clock.currentOffset - 100_000_000) < 1)
            }
        }
    }

    actor SerialCredentials: CredentialsProvider {
        var issued = 0
        func credentials() async throws -> Credentials {
            issued += 1
            return Credentials(accessKeyID: "ASIA\(issued)", secretAccessKey: "s", sessionToken: "t",
                               expiration: Date().addingTimeInterval(3600))
        }
    }

    @Test func credentialsTheServiceCallsExpiredAreRenewedAndTheCallRetriedOnce() async throws {
        try await LocalHTTPServer.with({ request in
            request.header("Authorization")?.contains("Credential=ASIA1/") == true
                ? .text(400, "<ErrorResponse><Error><Code>ExpiredToken</Code></Error></ErrorResponse>")
                : .text(200, Self.getCallerIdentityXML)
        }) { server in
            try await Fixtures.withTransport { transport in
                let base = SerialCredentials()
                let client = AWSServiceClient(service: .sts, region: "us-east-1", endpoint: try Endpoint(url: server.baseURL),
                                              credentials: CachedCredentialsProvider(base), transport: transport)
                _ = try await STS(client: client).getCallerIdentity()
                #expect(server.requests.count == 2)
                #expect(await base.issued == 2)
            }
        }
    }
}
