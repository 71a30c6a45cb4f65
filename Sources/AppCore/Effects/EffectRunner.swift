import Accessor
import Assistant
import Foundation
import History
import OIDC

/// Carries out `Effect`s and reports what came of them as `Action`s through `send`.
///
/// Every task it starts has an owner here and is cancelled when its effect is superseded:
/// a new search cancels nothing by itself (`update` asks for `.cancelSearch` explicitly),
/// but sign-out and shutdown cancel everything.
public actor EffectRunner {
    private let identity: any IdentityService
    private let gateway: any TenantGateway
    private let system: any SystemServices
    private let terminal: any TerminalService
    /// The configured model; nil when `[model] provider = "none"`.
    private let model: (any ModelBackend)?
    private let history: (any HistoryService)?
    private var answers: [QueryID: Task<Void, Never>] = [:]
    private let send: @Sendable (Action) -> Void
    private var searches: [QueryID: Task<Void, Never>] = [:]
    private var signInTask: Task<Void, Never>?
    private var exchangeTask: Task<Void, Never>?
    /// Tasks started and not yet ended, cancelled ones included until they notice.
    private var tasksStarted = 0
    /// Presenter mode: exchange steps wait at the gate until released.
    private var holdsSteps = false
    /// The exchange step waiting for the presenter.
    private var heldStep: CheckedContinuation<Void, Never>?

    /// Tasks at work: started and not yet ended, cancelled ones included until they notice;
    /// an exchange waiting for the presenter's Space is not at work.
    public var tasksInFlight: Int { tasksStarted - (heldStep == nil ? 0 : 1) }

    public init(services: AppServices, terminal: any TerminalService, send: @escaping @Sendable (Action) -> Void) {
        identity = services.identity
        gateway = services.gateway
        system = services.system
        model = services.model
        history = services.history
        self.terminal = terminal
        self.send = send
    }

    public func run(_ effects: [Effect]) {
        for effect in effects { run(effect) }
    }

    public func run(_ effect: Effect) {
        let send = self.send
        switch effect {
        case .checkSavedSignIn:
            let identity = self.identity
            signInTask = spawn {
                let user = await identity.resumeSavedSignIn()
                if !Task.isCancelled { send(.savedSignInChecked(user)) }
            }
            spawn { send(.deviceFlowChecked(await identity.offersDeviceFlow())) }
        case .signIn(let method):
            signInTask?.cancel()
            let identity = self.identity
            signInTask = spawn {
                do throws(OIDCError) {
                    let user = try await identity.signIn(method) { send(.signInProgressed($0)) }
                    send(.signedIn(user))
                } catch {
                    if !Task.isCancelled { send(.signInFailed(error)) }
                }
            }
        case .cancelSignIn:
            signInTask?.cancel()
            signInTask = nil
        case .signOut:
            cancelAll()
            let identity = self.identity
            spawn { await identity.signOut() }
        case .exchange(let tenant):
            exchangeTask?.cancel()
            let gateway = self.gateway
            let gate: @Sendable (PendingExchangeStep) async -> Void = { [weak self] pending in await self?.hold(pending) }
            exchangeTask = spawn {
                do throws(AccessorError) {
                    let (expiry, identityCenterUser) = try await gateway.exchange(
                        for: tenant, observe: { send(.exchangeStepEnded($0)) }, gate: gate,
                        signInURL: { send(.identityCenterSignInStarted(tenantID: tenant.id, url: $0)) })
                    if let identityCenterUser { send(.identityCenterSignedIn(tenantID: tenant.id, user: identityCenterUser)) }
                    send(.exchangeSucceeded(tenantID: tenant.id, expiresAt: expiry))
                } catch {
                    if !Task.isCancelled { send(.exchangeFailed(error, tenantID: tenant.id)) }
                }
            }
        case .discardCredentials:
            exchangeTask?.cancel()
            let gateway = self.gateway
            spawn { await gateway.discardCredentials() }
        case .setStepThrough(let holds):
            holdsSteps = holds
            if !holds { releaseHeldStep() }
        case .releaseExchangeStep:
            releaseHeldStep()
        case .search(let query, let id):
            searches[id]?.cancel()
            let gateway = self.gateway
            searches[id] = spawn { [weak self] in
                await Self.stream(query, id: id, gateway: gateway, send: send)
                await self?.searchEnded(id)
            }
        case .cancelSearch(let id):
            searches.removeValue(forKey: id)?.cancel()
        case .ask(let request, let id):
            answers[id]?.cancel()
            guard let model else {
                send(.answerFailed(.configuration("no model is configured ([model] provider)."), query: id))
                return
            }
            let host = gateway.endpointHost(for: .model, region: "")
            answers[id] = spawn { [weak self] in
                await Self.answer(request, id: id, model: model, host: host, send: send)
                await self?.answerEnded(id)
            }
        case .cancelAnswer(let id):
            answers.removeValue(forKey: id)?.cancel()
        case .exportMarkdown(let markdown, let name):
            let system = self.system
            spawn {
                do throws(DesktopError) {
                    let path = try await system.export(markdown, suggestedName: name)
                    send(.noticed("Exported the conversation to \(path)."))
                } catch {
                    send(.noticed(error.userMessage))
                }
            }
        case .recordTurn(let turn, let conversation, let owner):
            guard let history else { return }
            spawn {
                do throws(HistoryError) {
                    try await history.record(turn, conversation: conversation, owner: owner)
                } catch {
                    send(.noticed(error.userMessage))
                }
            }
        case .listHistory(let owner):
            guard let history else {
                send(.historyListed([]))
                return
            }
            spawn {
                do throws(HistoryError) {
                    send(.historyListed(try await history.list(owner: owner)))
                } catch {
                    send(.historyFailed(error))
                }
            }
        case .loadConversation(let id, let owner):
            guard let history else { return }
            spawn {
                do throws(HistoryError) {
                    guard let turns = try await history.turns(of: id, owner: owner) else {
                        throw HistoryError("that conversation is no longer in the history.")
                    }
                    send(.conversationLoaded(id: id, turns: turns))
                } catch {
                    send(.historyFailed(error))
                }
            }
        case .deleteConversation(let id, let owner):
            guard let history else { return }
            spawn {
                do throws(HistoryError) {
                    try await history.remove(id, owner: owner)
                } catch {
                    send(.noticed(error.userMessage))
                }
            }
        case .openURL(let url):
            let system = self.system
            spawn {
                do throws(DesktopError) {
                    try await system.open(url)
                    send(.noticed("Opened \(url) in the browser."))
                } catch {
                    send(.noticed(error.userMessage))
                }
            }
        case .copyToClipboard(let text, let what):
            let terminal = self.terminal
            spawn {
                let shortened = await terminal.copyToClipboard(text)
                send(.noticed(shortened ? "Copied the first part of \(what) to the clipboard (OSC 52): it is too long to copy whole."
                                        : "Copied \(what) to the clipboard (OSC 52)."))
            }
        case .setMouseCapture(let enabled):
            let terminal = self.terminal
            spawn { await terminal.setMouseCapture(enabled) }
        case .redraw:
            let terminal = self.terminal
            spawn { await terminal.redraw() }
        case .rememberTenant(let id):
            let system = self.system
            spawn { await system.rememberTenant(id) }
        case .quit:
            cancelAll()
        }
    }

    /// The gate of presenter mode: tells the app the step is ready, then waits for the
    /// presenter's Space (or Esc, or cancellation) before the step is sent.
    private func hold(_ pending: PendingExchangeStep) async {
        guard holdsSteps, !Task.isCancelled else { return }
        releaseHeldStep()
        send(.exchangeStepPending(pending))
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled { continuation.resume() } else { heldStep = continuation }
            }
        } onCancel: {
            Task { [weak self] in await self?.releaseHeldStep() }
        }
    }

    private func releaseHeldStep() {
        heldStep?.resume()
        heldStep = nil
    }

    /// Cancels every task in flight (quit, sign-out).
    public func cancelAll() {
        releaseHeldStep()
        signInTask?.cancel()
        exchangeTask?.cancel()
        for task in searches.values { task.cancel() }
        searches.removeAll()
        for task in answers.values { task.cancel() }
        answers.removeAll()
    }

    /// Starts a task the runner counts until its body returns, so one that never ends (or
    /// ignores cancellation) shows in `tasksInFlight`.
    @discardableResult
    private func spawn(_ body: sending @escaping @isolated(any) () async -> Void) -> Task<Void, Never> {
        tasksStarted += 1
        return Task { [weak self] in
            await body()
            await self?.taskEnded()
        }
    }

    private func taskEnded() {
        tasksStarted -= 1
    }

    /// Whether a search is still running (for tests and shutdown).
    public var runningSearches: Int { searches.count }

    private func searchEnded(_ id: QueryID) {
        searches[id] = nil
    }

    /// Whether an answer is still being generated (for tests and shutdown).
    public var runningAnswers: Int { answers.count }

    private func answerEnded(_ id: QueryID) {
        answers[id] = nil
    }

    private static func answer(_ request: ModelRequest, id: QueryID, model: any ModelBackend, host: String?,
                               send: @Sendable (Action) -> Void) async {
        let started = ContinuousClock.now
        var record = FlowRecord.modelCall(request, model: model.modelName, host: host)
        do {
            for try await event in model.answer(request) {
                if Task.isCancelled { return }
                FlowRecord.note(event, in: &record)
                send(.answerEvent(event, query: id))
            }
            if Task.isCancelled { return }
            let elapsed = started.duration(to: .now)
            record.status = .succeeded
            record.latency = elapsed
            send(.flowRecorded(record))
            send(.answerEnded(latencyMilliseconds: Int(elapsed.components.seconds) * 1000
                                  + Int(elapsed.components.attoseconds / 1_000_000_000_000_000), query: id))
        } catch let error as ModelError {
            if !Task.isCancelled {
                record.status = .failed(cause: error.userMessage, fix: "Check [model] in the config, or ask again; the passages stay.")
                record.latency = started.duration(to: .now)
                send(.answerFailed(error, query: id))
                send(.flowRecorded(record))
            }
        } catch {
            if !Task.isCancelled && !(error is CancellationError) {
                send(.answerFailed(.service("unexpected error (\(type(of: error)))."), query: id))
            }
        }
    }

    private static func stream(_ query: PassageQuery, id: QueryID, gateway: any TenantGateway,
                               send: @Sendable (Action) -> Void) async {
        var iterator = gateway.pages(of: query).makeAsyncIterator()
        let host = gateway.endpointHost(for: .qBusiness, region: query.tenant.region)
        var pageStarted = ContinuousClock.now
        var pageNumber = 1
        do {
            var pending = try await iterator.next()
            var latency = pageStarted.duration(to: .now)
            while let page = pending {
                if Task.isCancelled { return }
                // Look one page ahead so the last page is marked as last.
                pageStarted = .now
                let next = try await iterator.next()
                if Task.isCancelled { return }
                send(.flowRecorded(FlowRecord.searchPage(query, page: pageNumber, passages: page.count, more: next != nil,
                                                         host: host, latency: latency)))
                send(.passagesArrived(page: page, isLast: next == nil, query: id))
                latency = pageStarted.duration(to: .now)
                pageNumber += 1
                pending = next
            }
            if Task.isCancelled { return }
        } catch let error as AccessorError {
            if !Task.isCancelled {
                var failed = FlowRecord.searchPage(query, page: pageNumber, passages: 0, more: false, host: host,
                                                   latency: pageStarted.duration(to: .now))
                failed.detail.highlights = []
                failed.status = .failed(cause: error.userMessage, fix: error == .credentialsExpired
                    ? "qseek renews the credentials (a new exchange) and searches again by itself."
                    : "Ask again; if it persists, run `qseek doctor`.")
                send(.flowRecorded(failed))
                send(.searchFailed(error, query: id))
            }
        } catch {
            if !Task.isCancelled && !(error is CancellationError) { send(.searchFailed(.search(ServiceFailure(error)), query: id)) }
        }
    }
}
