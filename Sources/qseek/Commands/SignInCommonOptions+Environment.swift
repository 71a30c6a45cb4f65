import LiveServices

extension CommandContext {
    static func environment(options: SignInCommonOptions, idToken: String? = nil) throws(CommandFailure) -> AppEnvironment {
        try environment(configOption: options.config, debugFile: options.debug, idToken: idToken)
    }

    /// Runs a command's work with an environment built from the common options (and a
    /// backend's ID token, when given), always shutting it down, and turns any error into
    /// words and the CONFIG.md exit code.
    static func run(options: SignInCommonOptions, idTokenFile: String? = nil,
                    _ body: (AppEnvironment) async throws -> Void) async throws {
        let environment: AppEnvironment
        do {
            environment = try Self.environment(options: options, idToken: try providedIDToken(file: idTokenFile))
        } catch {
            throw error.exit()
        }
        do {
            try await body(environment)
        } catch {
            await environment.shutdown()
            throw CommandFailure(error).exit()
        }
        await environment.shutdown()
    }
}
