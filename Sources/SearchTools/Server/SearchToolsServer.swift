import Accessor
import Assistant
import Foundation
import Logging
import MCP

/// The MCP server of `qseek mcp`: tools `search`, `list_tenants`, `whoami` and the prompt
/// `answer_with_citations`, each acting for the user its `SearchUserSource` finds.
///
/// One `Server` per connection (stdio) or per HTTP request: the user is fixed when it is made,
/// so nothing one user's call does can reach another's.
public struct SearchToolsServer: Sendable {
    public let settings: SearchToolsSettings
    public let version: String
    let logger: Logger

    public static let name = "qseek"
    static let instructions = """
        Permission-aware search over the user's company knowledge (Amazon Q Business through qseek). \
        Call `search` with the user's question; cite passages by their numbers [n] and URIs. \
        `list_tenants` names the indexes this user may search; `whoami` says who the search runs as.
        """

    public init(settings: SearchToolsSettings = .init(), version: String,
                logger: Logger = Logger(label: "qseek.mcp", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.settings = settings
        self.version = version
        self.logger = logger
    }

    /// A server whose every call acts for `user`, not yet started.
    ///
    /// `scope` lets its owner cancel the calls in flight (the HTTP transport does, for a
    /// client's `notifications/cancelled` or a dropped connection); `whenCancelled` hears that a
    /// call ended by cancellation, which MCP answers with no response at all.
    public func makeServer(user: @escaping SearchUserSource, scope: CallScope = CallScope(),
                           whenCancelled: @escaping @Sendable () -> Void = {}) async -> Server {
        let server = Server(name: Self.name, version: version, title: "qseek: your company's knowledge, with your permissions",
                            instructions: Self.instructions,
                            capabilities: .init(prompts: .init(listChanged: false), tools: .init(listChanged: false)))
        let calls = ToolCalls(settings: settings, user: user, logger: logger)
        // The handlers hold the server weakly: a server made per HTTP request must not outlive it.
        let reference = ServerReference(server: server)
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: ToolCatalog.tools) }
        await server.withMethodHandler(CallTool.self) { parameters in
            try await scope.run(whenCancelled: whenCancelled) {
                try await calls.call(parameters) { notification in try? await reference.server?.notify(notification) }
            }
        }
        await server.withMethodHandler(ListPrompts.self) { _ in ListPrompts.Result(prompts: [ToolCatalog.answerPrompt]) }
        await server.withMethodHandler(GetPrompt.self) { parameters in
            try await scope.run(whenCancelled: whenCancelled) { try await calls.prompt(parameters) }
        }
        return server
    }

    /// Serves one client over stdin/stdout until the client closes stdin.
    public func serveStdio(user: @escaping SearchUserSource) async throws {
        let server = await makeServer(user: user)
        try await server.start(transport: StdioTransport(logger: logger))
        await server.waitUntilCompleted()
        await server.stop()
    }
}

/// The handlers, for one user source.
struct ToolCalls: Sendable {
    let settings: SearchToolsSettings
    let user: SearchUserSource
    let logger: Logger

    typealias Notify = @Sendable (Message<ProgressNotification>) async -> Void

    func call(_ parameters: CallTool.Parameters, notify: @escaping Notify) async throws -> CallTool.Result {
        do {
            switch parameters.name {
            case ToolCatalog.searchName:
                let request = try SearchRequest(arguments: parameters.arguments, defaults: settings)
                let current = try await currentUser()
                let progressToken = parameters._meta?.progressToken
                let outcome = try await SearchRun(user: current, logger: logger).run(request) { pages, passages, query in
                    guard let progressToken else { return }
                    let message = "page \(pages) of at most \(query.maxPages): \(passages) passage\(passages == 1 ? "" : "s") so far"
                    await notify(ProgressNotification.message(.init(progressToken: progressToken, progress: Double(pages),
                                                                    total: Double(query.maxPages), message: message)))
                }
                logger.debug("search tool answered", metadata: ["tenant": "\(outcome.tenant.id)", "passages": "\(outcome.passages.count)"])
                return try ToolResults.search(outcome)
            case ToolCatalog.listTenantsName:
                return try ToolResults.tenants(try await currentUser())
            case ToolCatalog.whoamiName:
                return try ToolResults.whoami(try await currentUser())
            default:
                throw MCPError.invalidParams("Unknown tool \(parameters.name); the tools are search, list_tenants and whoami.")
            }
        } catch let error as SearchToolsError {
            logger.debug("tool call refused", metadata: ["tool": "\(parameters.name)", "reason": "\(error.userMessage)"])
            return ToolResults.failure(error)
        }
    }

    func prompt(_ parameters: GetPrompt.Parameters) async throws -> GetPrompt.Result {
        guard parameters.name == ToolCatalog.answerPromptName else {
            throw MCPError.invalidParams("Unknown prompt \(parameters.name); the prompt is \(ToolCatalog.answerPromptName).")
        }
        do {
            let arguments = parameters.arguments ?? [:]
            guard let question = arguments["question"], !question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw SearchToolsError.invalidArgument("`question` is required: the question to answer.")
            }
            var values: [String: Value] = ["query": .string(question)]
            if let tenant = arguments["tenant"] { values["tenant"] = .string(tenant) }
            if let filters = arguments["filters"] { values["filters"] = .string(filters) }
            let request = try SearchRequest(arguments: values, defaults: settings)
            let outcome = try await SearchRun(user: try await currentUser(), logger: logger).run(request)
            var assembler = PromptAssembler(template: settings.template, budgetTokens: settings.budgetTokens)
            let assembled = assembler.assemble(question: outcome.query.text, passages: outcome.passages, excluded: [])
            var description = "\(assembled.included.count) passage\(assembled.included.count == 1 ? "" : "s") from \(outcome.tenant.name)"
            if !assembled.cut.isEmpty {
                description += "; \(PromptAssembler.rankList(assembled.cut)) left out to fit the \(settings.budgetTokens)-token budget"
            }
            return GetPrompt.Result(description: description, messages: [.user(.text(text: assembled.text))])
        } catch let error as SearchToolsError {
            throw MCPError.invalidParams(error.userMessage)
        }
    }

    private func currentUser() async throws -> SearchUser {
        do {
            return try await user()
        } catch let error as SearchToolsError {
            throw error
        } catch let error as AccessorError {
            throw SearchRun.describe(error)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw SearchToolsError.signInRequired("the sign-in could not be read (\(type(of: error))).")
        }
    }
}

/// A weak reference to a server, for its own handlers.
struct ServerReference: Sendable {
    weak var server: Server?
}

/// The calls one server is running, so that whoever owns the server can cancel them: the SDK
/// cancels a call on `notifications/cancelled` only while its own message loop runs, and a
/// server made for one HTTP request is stopped as soon as that request ends.
public actor CallScope {
    private var cancels: [Int: @Sendable () -> Void] = [:]
    private var next = 0
    private var cancelled = false

    public init() {}

    /// Cancels every call in flight, and every call that starts later.
    public func cancelAll() {
        cancelled = true
        for cancel in cancels.values { cancel() }
        cancels.removeAll()
    }

    func run<T: Sendable>(whenCancelled: @escaping @Sendable () -> Void,
                          _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await body() }
        let id = register { task.cancel() }
        defer { cancels.removeValue(forKey: id) }
        do {
            return try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } catch is CancellationError {
            whenCancelled()
            throw CancellationError()
        }
    }

    private func register(_ cancel: @escaping @Sendable () -> Void) -> Int {
        if cancelled { cancel() }
        next += 1
        cancels[next] = cancel
        return next
    }
}
