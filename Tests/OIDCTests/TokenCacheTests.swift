import Foundation
import Testing

@testable import OIDC

@Suite("Token cache")
struct TokenCacheTests {
    let root: URL = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-cache-\(UUID().uuidString)")

    func sample(subject: String = "alice") -> TokenSet {
        // Whole seconds, as JWT times are.
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let claims = IDTokenClaims(issuer: "https://idp.example.test", subject: subject, audiences: ["c"], expiresAt: now.addingTimeInterval(600), issuedAt: now)
        return TokenSet(idToken: "header.payload.signature-\(subject)", accessToken: "at", refreshToken: "rt", accessTokenExpiresAt: nil, claims: claims)
    }

    func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as! NSNumber).intValue
    }

    @Test func theDirectoryIs0700AndFilesAre0600() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = TokenCache(directory: root.appendingPathComponent("qseek"))
        let tokens = sample()
        try cache.store(tokens, key: "k")
        #expect(try mode(cache.directory) == 0o700)
        #expect(try mode(cache.fileURL(forKey: "k")) == 0o600)
        #expect(cache.load(key: "k") == tokens)
    }

    @Test func anExistingTooOpenDirectoryIsTightened() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = root.appendingPathComponent("qseek")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try TokenCache(directory: directory).store(sample(), key: "k")
        #expect(try mode(directory) == 0o700)
    }

    @Test func writesLeaveNoTemporaryFilesAndReplaceWholeFiles() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = TokenCache(directory: root.appendingPathComponent("qseek"))
        try cache.store(sample(subject: "alice"), key: "k")
        try cache.store(sample(subject: "bob"), key: "k")
        #expect(cache.load(key: "k")?.claims.subject == "bob")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.directory.path) == ["k.json"])
    }

    @Test func concurrentWritersNeverLeaveATornFile() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = TokenCache(directory: root.appendingPathComponent("qseek"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for round in 0..<20 {
                        try cache.store(sample(subject: "user-\(writer)-\(round)"), key: "shared")
                        // Every read sees a whole file from some writer.
                        #expect(cache.load(key: "shared") != nil)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.directory.path) == ["shared.json"])
    }

    @Test func aCorruptOrMissingFileReadsAsSignedOut() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = TokenCache(directory: root.appendingPathComponent("qseek"))
        #expect(cache.load(key: "k") == nil)
        try cache.store(sample(), key: "k")
        try Data("{\"idToken\": tru".utf8).write(to: cache.fileURL(forKey: "k"))
        #expect(cache.load(key: "k") == nil)
        try cache.remove(key: "k")
        try cache.remove(key: "k")
    }

    @Test func theKeyDependsOnIssuerClientAndScopesButNotScopeOrder() {
        let base = TokenCache.key(issuer: "https://a", clientID: "c", scopes: ["openid", "email"])
        #expect(base == TokenCache.key(issuer: "https://a", clientID: "c", scopes: ["email", "openid"]))
        #expect(base != TokenCache.key(issuer: "https://b", clientID: "c", scopes: ["openid", "email"]))
        #expect(base != TokenCache.key(issuer: "https://a", clientID: "d", scopes: ["openid", "email"]))
        #expect(base != TokenCache.key(issuer: "https://a", clientID: "c", scopes: ["openid"]))
        #expect(base.count == 64)
    }

    @Test func theDefaultLocationFollowsXDG() {
        #expect(TokenCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"]).path == "/x/cache/qseek")
        #expect(TokenCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/u"]).path == "/home/u/.cache/qseek")
        #expect(TokenCache.defaultDirectory(environment: ["HOME": "/home/u"]).path == "/home/u/.cache/qseek")
    }
}
