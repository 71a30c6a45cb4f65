import Foundation
import LiveServices
import OIDC
import Sandbox

/// A fresh in-process sandbox, its qseek config written to a temporary file (edited as a test
/// needs: a wrong ARN, a wrong region), and a private token cache.
public struct SandboxSetup: Sendable {
    public let sandbox: RunningSandbox
    public let directory: URL

    public var configPath: String { directory.appendingPathComponent("config.toml").path }
    public var cache: TokenCache { TokenCache(directory: directory.appendingPathComponent("cache")) }
    /// A process environment with nothing of the developer's in it (no QSEEK_*, no AWS_*).
    public var environment: [String: String] { ["HOME": directory.path] }

    public static func run<T>(editingConfig edit: (String) -> String = { $0 }, _ body: (SandboxSetup) async throws -> T) async throws -> T {
        let sandbox = try await SandboxServer.start()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-tests-\(UUID().uuidString)")
        let setup = SandboxSetup(sandbox: sandbox, directory: directory)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try edit(SandboxConfigFile.toml(for: sandbox)).write(toFile: setup.configPath, atomically: true, encoding: .utf8)
            let result = try await body(setup)
            await sandbox.shutdown()
            try? FileManager.default.removeItem(at: directory)
            return result
        } catch {
            await sandbox.shutdown()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// Signs `email` in at the sandbox IdP as `qseek login --user` does, into the private cache.
    @discardableResult
    public func signIn(_ email: String) async throws -> TokenSet {
        let session = SignInSession(configuration: IdentityConfiguration(issuer: sandbox.issuer, clientID: sandbox.corpus.clientID), cache: cache)
        return try await session.signInWithBrowser(options: .init(openBrowser: true, loginHint: email), browser: DirectApproval(),
                                                   progress: { _ in })
    }
}
