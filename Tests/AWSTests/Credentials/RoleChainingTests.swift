import TestSupport
import Foundation
import NIOConcurrencyHelpers
import Testing
@testable import AWS

struct RoleChainingTests {
    /// An STS stand-in that verifies each AssumeRole signature with the secret of the key used.
    static let stsHandler: LocalHTTPServer.Handler = { request in
            let secrets = ["AKIDBASE": "base-secret", "ASIAFIRST": "temp-secret", "ASIASECOND": "temp-secret"]
            var headers = request.headers
            if !headers.contains(where: { $0.name.lowercased() == "host" }) { headers.append(("Host", "unknown")) }
            let signable = SignableRequest(method: request.method, path: request.path, query: request.query, headers: headers, body: request.body)
            guard let authorization = try? SigV4Verifier().verify(signable, secretFor: { secrets[$0] }) else {
                return .text(403, "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code></Error></ErrorResponse>")
            }
            let form = String(decoding: request.body, as: UTF8.self)
            let next = form.contains("role%2Fsecond") ? "ASIASECOND" : "ASIAFIRST"
            guard authorization.accessKeyID != next else { return .text(400, "") }
            return .text(200, Fixtures.stsCredentialsXML(key: next))
    }

    @Test func aRoleProfileAssumesTheRoleWithItsSourceProfilesKeys() async throws {
        let files = SharedConfigFiles(profiles: [
            "base": ["aws_access_key_id": "AKIDBASE", "aws_secret_access_key": "base-secret"],
            "first": ["role_arn": "arn:aws:iam::111122223333:role/first", "source_profile": "base", "role_session_name": "s1"],
            "second": ["role_arn": "arn:aws:iam::111122223333:role/second", "source_profile": "first", "region": "eu-west-1"],
        ])
        try await LocalHTTPServer.with(Self.stsHandler) { server in try await Fixtures.withTransport { transport in
            let environment = ["AWS_ENDPOINT_URL_STS": server.baseURL]
            let first = ProfileCredentialsProvider(profileName: "first", files: files, environment: environment, transport: transport,
                                                   explicitlySelected: true)
            #expect(try await first.credentials().accessKeyID == "ASIAFIRST")
            let second = ProfileCredentialsProvider(profileName: "second", files: files, environment: environment, transport: transport,
                                                    explicitlySelected: true)
            let chained = try await second.credentials()
            #expect(chained.accessKeyID == "ASIASECOND")
            #expect(chained.sessionToken == "temp-token")
            // The second hop was signed with the first hop's temporary credentials and token.
            let last = try #require(server.requests.last)
            #expect(last.header("Authorization")?.contains("Credential=ASIAFIRST/") == true)
            #expect(last.header("X-Amz-Security-Token") == "temp-token")
            #expect(String(decoding: server.requests[0].body, as: UTF8.self).contains("RoleSessionName=s1"))
        } }
    }

    @Test func profilesThatSourceEachOtherAreReportedAsALoop() async throws {
        let files = SharedConfigFiles(profiles: [
            "a": ["role_arn": "arn:aws:iam::111122223333:role/a", "source_profile": "b"],
            "b": ["role_arn": "arn:aws:iam::111122223333:role/b", "source_profile": "a"],
        ])
        try await Fixtures.withTransport { transport in
            let provider = ProfileCredentialsProvider(profileName: "a", files: files, environment: [:], transport: transport,
                                                      explicitlySelected: true)
            await #expect(throws: CredentialsError.roleChainLoop(["a", "b", "a"])) { try await provider.credentials() }
        }
    }
}

struct CachedCredentialsTests {
    actor CountingProvider: CredentialsProvider {
        var calls = 0
        let lifetime: TimeInterval

        init(lifetime: TimeInterval) { self.lifetime = lifetime }

        func credentials() async throws -> Credentials {
            calls += 1
            let serial = calls
            try await Task.sleep(for: .milliseconds(50))
            return Credentials(accessKeyID: "ASIA\(serial)", secretAccessKey: "s", sessionToken: "t",
                               expiration: Date(timeIntervalSince1970: 1_000_000 + lifetime))
        }
    }

    @Test func concurrentCallersShareOneRefresh() async throws {
        let base = CountingProvider(lifetime: 3600)
        let cache = CachedCredentialsProvider(base, now: { Date(timeIntervalSince1970: 1_000_000) })
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<25 { group.addTask { try await cache.credentials().accessKeyID } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(keys) == ["ASIA1"])
        #expect(await base.calls == 1)
    }

    @Test func credentialsAreRefreshedFiveMinutesBeforeTheyExpire() async throws {
        let base = CountingProvider(lifetime: 600)
        let now = NIOLockedValueBox(Date(timeIntervalSince1970: 1_000_000))
        let cache = CachedCredentialsProvider(base, now: { now.withLockedValue { $0 } })
        #expect(try await cache.credentials().accessKeyID == "ASIA1")
        now.withLockedValue { $0 = $0.addingTimeInterval(200) }   // 400 s left: still fresh enough
        #expect(try await cache.credentials().accessKeyID == "ASIA1")
        now.withLockedValue { $0 = $0.addingTimeInterval(150) }   // 250 s left: inside the 5-minute margin
        #expect(try await cache.credentials().accessKeyID == "ASIA2")
    }
}
