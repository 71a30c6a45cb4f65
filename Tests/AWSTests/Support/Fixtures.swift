import TestSupport
import Foundation
import NIOConcurrencyHelpers
@testable import AWS

/// Records the delays a retry loop asked for, instead of sleeping.
final class SleepRecorder: Sendable {
    private let box = NIOLockedValueBox<[Duration]>([])
    var recorded: [Duration] { box.withLockedValue { $0 } }

    var sleep: @Sendable (Duration) async throws -> Void {
        { [box] duration in box.withLockedValue { $0.append(duration) } }
    }
}

enum Fixtures {
    static let credentials = Credentials(accessKeyID: "AKIDTEST", secretAccessKey: "test-secret-key", sessionToken: nil)

    /// A client for `service` pointed at the local server, with instant, recorded retries.
    static func client(_ service: AWSService, server: LocalHTTPServer, transport: AsyncHTTPTransport, sleeps: SleepRecorder = SleepRecorder(),
                       quota: RetryQuota = RetryQuota(), maxAttempts: Int = 3, clock: ClockSkew = ClockSkew(),
                       timeout: Duration = .seconds(60)) throws -> AWSServiceClient {
        AWSServiceClient(service: service, region: "us-east-1", endpoint: try Endpoint(url: server.baseURL),
                         credentials: StaticCredentialsProvider(credentials), transport: transport,
                         retry: RetryStrategy(maxAttempts: maxAttempts, quota: quota, random: { 0.5 }, sleep: sleeps.sleep),
                         clock: clock, timeout: timeout)
    }

    /// Runs `body` with a transport that is shut down afterwards, whatever happens.
    @discardableResult
    static func withTransport<T>(_ configuration: AsyncHTTPTransport.Configuration = .init(connectTimeout: .seconds(30), readTimeout: .seconds(60)),
                                 _ body: (AsyncHTTPTransport) async throws -> T) async throws -> T {
        let transport = AsyncHTTPTransport(configuration: configuration)
        do {
            let result = try await body(transport)
            try await transport.shutdown()
            return result
        } catch {
            try? await transport.shutdown()
            throw error
        }
    }

    static func stsCredentialsXML(key: String = "ASIATEMP", expiration: String = "2099-01-01T00:00:00Z") -> String {
        """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>
        <AccessKeyId>\(key)</AccessKeyId><SecretAccessKey>temp-secret</SecretAccessKey><SessionToken>temp-token</SessionToken>
        <Expiration>\(expiration)</Expiration></Credentials>
        <AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/r/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>
        </AssumeRoleResult></AssumeRoleResponse>
        """
    }
}

/// A transport that counts what it was asked to send and sends nothing: proof that a refused
/// value never reached the network.
final class NothingSentTransport: HTTPTransport {
    let sent = NIOLockedValueBox(0)

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        sent.withLockedValue { $0 += 1 }
        throw TransportError.connectionFailed(host: request.url, detail: "nothing is sent in this test")
    }

    func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPStreamingResponse {
        sent.withLockedValue { $0 += 1 }
        throw TransportError.connectionFailed(host: request.url, detail: "nothing is sent in this test")
    }
}
