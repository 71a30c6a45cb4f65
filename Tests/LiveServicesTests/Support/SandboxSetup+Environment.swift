import Logging
import QseekConfiguration
import SandboxTestSupport
@testable import LiveServices

extension SandboxSetup {
    /// The `AppEnvironment` a command builds from this sandbox's config, reading the setup's own
    /// token cache (or presenting `idToken`, a backend's); `edit` changes the loaded config first.
    /// Call `shutdown()` on it when done.
    func appEnvironment(idToken: String? = nil, editing edit: (inout QseekConfig) -> Void = { _ in }) throws -> AppEnvironment {
        var (config, location) = try QseekConfig.load(option: configPath, environment: [:])
        edit(&config)
        return try AppEnvironment(config: config, configPath: location.path, environment: environment, idToken: idToken,
                                  tokenCache: cache, logger: Logger(debugFile: nil))
    }
}
