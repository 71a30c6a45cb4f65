import Foundation
import HTTPServing
import Hummingbird
import Logging

/// Starts the sandbox: in process (`qseek demo`, tests) or standalone (`qseek sandbox serve`).
public enum SandboxServer {
    /// Loads the corpus, makes the signing keys, binds and starts serving; returns once the port
    /// is bound. Call `shutdown()` on the handle to stop.
    /// With `stopOnSignals`, SIGINT and SIGTERM shut it down gracefully (the standalone command).
    /// The default logger discards everything: embedded in `qseek demo`, the sandbox shares the
    /// terminal with the TUI and must not write to it.
    public static func start(_ options: SandboxOptions = SandboxOptions(), stopOnSignals: Bool = false,
                             logger: Logger = Logger(label: "qseek.sandbox", factory: { _ in SwiftLogNoOpLogHandler() }))
        async throws -> RunningSandbox {
        guard ["127.0.0.1", "localhost", "::1"].contains(options.host) else { throw SandboxStartError.notLoopback(options.host) }
        // The keys are made on a thread of their own, the bundled documents parsed and indexed
        // in the background (both once per process): serving starts as soon as the port is bound.
        let idpKey = SandboxKeys.identityProvider
        let identityCenterKey = SandboxKeys.identityCenter
        let environment: SandboxEnvironment
        do {
            if let directory = options.dataDirectory {
                // A corpus from disk is read whole here, so a broken file stops the start with its line.
                environment = SandboxEnvironment(corpus: try CorpusLoader.directory(directory), options: options)
            } else {
                environment = SandboxEnvironment(corpus: try CorpusLoader.bundledOutline(), options: options, searches: .bundled)
            }
        } catch {
            throw SandboxStartError.corpus(error)
        }
        let idp = IdentityProvider(environment: environment, key: idpKey)
        let identityCenter = IdentityCenter(environment: environment, key: identityCenterKey)
        let router = SandboxRouter(environment: environment, idp: idp, identityCenter: identityCenter).build()

        let server = try await RunningServer.start(router.buildResponder(), host: options.host, port: options.port,
                                                   serverName: "qseek-sandbox", stopOnSignals: stopOnSignals, logger: logger,
                                                   onBound: { environment.origin = $0 })
        return RunningSandbox(server: server, environment: environment)
    }
}

/// A started sandbox.
public final class RunningSandbox: Sendable {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    public var baseURL: String { server.origin }
    public var port: Int { server.port }
    /// The users and tenants served. The bundled corpus's documents load in the background, so
    /// its tenants' `documents` are empty here: `loadedCorpus` has them.
    public let corpus: Corpus
    private let environment: SandboxEnvironment
    private let server: RunningServer

    init(server: RunningServer, environment: SandboxEnvironment) {
        self.corpus = environment.corpus
        self.environment = environment
        self.server = server
    }

    public var issuer: String { baseURL + "/idp" }

    /// The corpus with every tenant's documents, once the background load has finished.
    public var loadedCorpus: Corpus {
        get async {
            let searches = await environment.searches.value
            var loaded = corpus
            loaded.tenants = corpus.tenants.map { searches[$0.id]?.tenant ?? $0 }
            return loaded
        }
    }

    /// Endpoint overrides per AWS service, as the qseek config and `AWS_ENDPOINT_URL_<SERVICE>` take them.
    public var endpoints: SandboxEndpoints {
        SandboxEndpoints(sts: baseURL + "/sts", ssoOIDC: baseURL + "/sso-oidc", qbusiness: baseURL + "/qbusiness",
                         bedrockRuntime: baseURL + "/bedrock-runtime")
    }

    /// Stops accepting connections, finishes the requests in flight, and returns when done.
    public func shutdown() async {
        await server.shutdown()
    }

    /// Serves until the process gets SIGINT or SIGTERM (or `shutdown()` is called).
    public func waitUntilStopped() async throws {
        try await server.waitUntilStopped()
    }
}

public struct SandboxEndpoints: Sendable, Equatable {
    public var sts: String
    public var ssoOIDC: String
    public var qbusiness: String
    public var bedrockRuntime: String
}
