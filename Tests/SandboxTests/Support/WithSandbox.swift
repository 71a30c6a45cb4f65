@testable import Sandbox

/// Runs `body` against a fresh in-process sandbox on a free port, then shuts it down.
func withSandbox<T>(_ options: SandboxOptions = SandboxOptions(),
                    _ body: (SandboxHTTP) async throws -> T) async throws -> T {
    let sandbox = try await SandboxServer.start(options)
    do {
        let result = try await body(SandboxHTTP(sandbox: sandbox))
        await sandbox.shutdown()
        return result
    } catch {
        await sandbox.shutdown()
        throw error
    }
}
