import Accessor
import Assistant
import Foundation
import OIDC
import Synchronization
import Testing
@testable import AppCore

/// Nothing but the model matters to these tests; the other services refuse.
struct UnusedServices: IdentityService, TenantGateway, SystemServices, TerminalService {
    func signIn(_ method: SignInMethod, progress: @escaping @Sendable (AppCore.SignInProgress) -> Void) async throws(OIDCError) -> UserIdentity {
        throw .cancelled
    }
    func signOut() async {}
    func resumeSavedSignIn() async -> UserIdentity? { nil }
    func offersDeviceFlow() async -> Bool { false }
    func exchange(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void) async throws(AccessorError) -> Date {
        throw .configuration(.cancelled)
    }
    func pages(of query: PassageQuery) -> AsyncThrowingStream<[Passage], any Error> { AsyncThrowingStream { $0.finish() } }
    func discardCredentials() async {}
    func open(_ url: String) async throws(DesktopError) {}
    func rememberTenant(_ id: String) async {}
    func export(_ markdown: String, suggestedName: String) async throws(DesktopError) -> String { "/dev/null" }
    func copyToClipboard(_ text: String) async -> Bool { false }
    func setMouseCapture(_ enabled: Bool) async {}
    func redraw() async {}
}

/// Set when a hanging model notices it was cancelled.
final class StopFlag: Sendable {
    let value = Mutex(false)
}

/// Yields the given events, then either ends, fails, or waits until cancelled.
struct ScriptedModel: ModelBackend {
    enum Ending: Sendable { case finish, fail(ModelError), hang }
    var events: [ModelEvent]
    var ending: Ending
    var stopped = StopFlag()
    var modelName: String { "scripted" }

    func answer(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream<ModelEvent, any Error>.makeStream()
        let events = self.events
        let ending = self.ending
        let stopped = self.stopped
        let task = Task {
            for event in events { continuation.yield(event) }
            switch ending {
            case .finish: continuation.finish()
            case .fail(let error): continuation.finish(throwing: error)
            case .hang:
                while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(5)) }
                stopped.value.withLock { $0 = true }
                continuation.finish(throwing: CancellationError())
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

@Suite("The effect runner asks the model and reports back")
struct EffectRunnerAnswerTests {
    func run(_ model: ScriptedModel, until done: @escaping @Sendable ([Action]) -> Bool,
             then effects: [Effect] = []) async throws -> ([Action], EffectRunner) {
        let received = Mutex<[Action]>([])
        let services = UnusedServices()
        let runner = EffectRunner(services: AppServices(identity: services, gateway: services, system: services, model: model),
                                  terminal: services) { action in
            received.withLock { $0.append(action) }
        }
        let id = QueryID(rawValue: 7)
        await runner.run(.ask(ModelRequest(prompt: "p"), id: id))
        for _ in 0..<400 where !done(received.withLock { $0 }) { try await Task.sleep(for: .milliseconds(5)) }
        await runner.run(effects)
        return (received.withLock { $0 }, runner)
    }

    @Test("Events arrive as answer actions for the turn, then the end with its latency")
    func streams() async throws {
        let model = ScriptedModel(events: [.text("Hi [1]"), .stopped(reason: "end_turn")], ending: .finish)
        let (actions, _) = try await run(model, until: { $0.count >= 3 })
        let id = QueryID(rawValue: 7)
        #expect(actions.prefix(2) == [.answerEvent(.text("Hi [1]"), query: id), .answerEvent(.stopped(reason: "end_turn"), query: id)])
        guard case .answerEnded(_, let query)? = actions.last else {
            Issue.record("no end: \(actions)")
            return
        }
        #expect(query == id)
    }

    @Test("A model failure is reported in words")
    func failure() async throws {
        let model = ScriptedModel(events: [], ending: .fail(.network("the connection to llm.example failed.")))
        let (actions, _) = try await run(model, until: { !$0.isEmpty })
        // The failure comes first; the flow view's record of the call may follow it.
        #expect(actions.first == .answerFailed(.network("the connection to llm.example failed."), query: QueryID(rawValue: 7)))
        #expect(ModelError.network("the connection to llm.example failed.").userMessage
                    == "Network problem reaching the model: the connection to llm.example failed.")
    }

    @Test("Cancelling the answer stops the model's stream and reports nothing more")
    func cancel() async throws {
        let model = ScriptedModel(events: [.text("partial")], ending: .hang)
        let (before, runner) = try await run(model, until: { !$0.isEmpty }, then: [.cancelAnswer(QueryID(rawValue: 7))])
        #expect(before == [.answerEvent(.text("partial"), query: QueryID(rawValue: 7))])
        for _ in 0..<400 where !model.stopped.value.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
        #expect(model.stopped.value.withLock { $0 })
        #expect(await runner.runningAnswers == 0)
    }

    @Test("Every task the runner starts is counted until it ends: a stopped answer, exports and history calls leave none behind")
    func tasksEnd() async throws {
        let model = ScriptedModel(events: [.text("partial")], ending: .hang)
        let (_, runner) = try await run(model, until: { !$0.isEmpty },
                                        then: [.exportMarkdown("# x", suggestedName: "x"), .rememberTenant("T1"), .signOut])
        for _ in 0..<400 where await runner.tasksInFlight > 0 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(await runner.tasksInFlight == 0)
        #expect(model.stopped.value.withLock { $0 }, "sign-out cancelled the hanging answer")
    }

    @Test("An answer still being written is counted")
    func leakShows() async throws {
        let model = ScriptedModel(events: [.text("partial")], ending: .hang)
        let (_, runner) = try await run(model, until: { !$0.isEmpty })
        try await Task.sleep(for: .milliseconds(50))
        #expect(await runner.tasksInFlight == 1, "the answer is still running")
        await runner.cancelAll()
    }
}
