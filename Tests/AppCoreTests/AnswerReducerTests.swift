import Accessor
import Assistant
import Foundation
import History
import Testing
@testable import AppCore

@Suite("The model's answer, as a sequence of actions")
struct AnswerReducerTests {
    /// Signed in with a model configured, a question asked and its last page arrived.
    func answering(_ question: String = "travel policy") -> (AppState, QueryID, [Effect]) {
        var state = AppState.signedIn()
        state.modelName = "sandbox.extractive-v1"
        let id = state.ask(question).searchID!
        let effects = update(&state, .passagesArrived(page: [.sample(1), .sample(2)], isLast: true, query: id))
        return (state, id, effects)
    }

    @Test("After the last page, the model is asked with the assembled prompt and the turn remembers its passages")
    func asksAfterTheLastPage() throws {
        let (state, id, effects) = answering()
        let prompt = try #require(state.prompt.assembled?.text)
        // The passages go along too, for models that take them natively ([model] citations = "native").
        let sources = state.passages.items.map { ModelRequest.Source(number: $0.rank, title: $0.title, uri: $0.uri, text: $0.content) }
        #expect(effects == [.ask(ModelRequest(prompt: prompt, question: "travel policy", sources: sources), id: id)])
        let turn = try #require(state.conversation.current)
        #expect(turn.answerStatus == .streaming)
        #expect(turn.citations.map(\.number) == [1, 2])
        #expect(turn.citations.first?.documentID == "doc-1")
        #expect(turn.model == "sandbox.extractive-v1")
    }

    @Test("Without a model, or before the last page, nothing is asked")
    func noModelNoAsk() {
        var state = AppState.signedIn()
        let id = state.ask("travel").searchID!
        #expect(update(&state, .passagesArrived(page: [.sample(1)], isLast: false, query: id)).isEmpty)
        #expect(!update(&state, .passagesArrived(page: [.sample(2)], isLast: true, query: id)).contains { $0.isAsk })
        #expect(state.conversation.current?.answerStatus == .notAsked)
    }

    @Test("With no passages retrieved the model is not asked, and the user is told")
    func noPassagesNoAsk() {
        var state = AppState.signedIn()
        state.modelName = "m"
        let id = state.ask("nothing").searchID!
        #expect(!update(&state, .passagesArrived(page: [], isLast: true, query: id)).contains { $0.isAsk })
        #expect(state.notice?.contains("not asked") == true)
    }

    @Test("Deltas stream into the turn; usage and latency land in it when the answer ends")
    func deltasUsageAndLatency() throws {
        var (state, id, _) = answering()
        _ = update(&state, .answerEvent(.text("Book early "), query: id))
        _ = update(&state, .answerEvent(.text("[1]."), query: id))
        #expect(state.conversation.current?.answer == "Book early [1].")
        _ = update(&state, .answerEvent(.stopped(reason: "end_turn"), query: id))
        _ = update(&state, .answerEvent(.usage(ModelUsage(inputTokens: 300, outputTokens: 12)), query: id))
        _ = update(&state, .answerEnded(latencyMilliseconds: 1234, query: id))
        let turn = try #require(state.conversation.current)
        #expect(turn.answerStatus == .finished(stopReason: "end_turn"))
        #expect(turn.usage == ModelUsage(inputTokens: 300, outputTokens: 12))
        #expect(turn.latencyMilliseconds == 1234)
        #expect(turn.streamed.blocks.count == 1)
    }

    @Test("Ctrl+C stops the answer: a cancel effect, the text so far kept, later deltas dropped")
    func cancelStops() {
        var (state, id, _) = answering()
        _ = update(&state, .answerEvent(.text("Partial"), query: id))
        #expect(update(&state, .cancel).first == .cancelAnswer(id))
        #expect(state.conversation.current?.answerStatus == .stopped)
        #expect(state.notice == "Answer stopped.")
        _ = update(&state, .answerEvent(.text(" more"), query: id))
        _ = update(&state, .answerEnded(latencyMilliseconds: 10, query: id))
        #expect(state.conversation.current?.answer == "Partial")
        #expect(state.conversation.current?.answerStatus == .stopped)
        #expect(!state.quitArmed)
    }

    @Test("A new question cancels the answer in flight and searches again")
    func newQuestionCancelsAnswer() {
        var (state, id, _) = answering()
        let effects = state.ask("expense policy")
        #expect(effects.contains(.cancelAnswer(id)))
        #expect(effects.searchID != nil && effects.searchID != id)
        #expect(state.conversation.turns.count == 2)
        #expect(state.conversation.turns[0].answerStatus == .stopped)
        _ = update(&state, .answerEvent(.text("late"), query: id))
        #expect(state.conversation.turns.allSatisfy { $0.answer.isEmpty })
    }

    @Test("A follow-up sends the earlier finished exchange with the new prompt")
    func multiTurnHistory() throws {
        var (state, first, _) = answering("travel policy")
        _ = update(&state, .answerEvent(.text("Book early [1]."), query: first))
        _ = update(&state, .answerEnded(latencyMilliseconds: 5, query: first))
        let second = state.ask("and hotels?").searchID!
        let effects = update(&state, .passagesArrived(page: [.sample(1)], isLast: true, query: second))
        guard case let .ask(request, id)? = effects.first else {
            Issue.record("no ask effect: \(effects)")
            return
        }
        #expect(id == second)
        #expect(request.history == [ModelRequest.Exchange(question: "travel policy", answer: "Book early [1].")])
    }

    @Test("A failed answer is shown in the turn; the app keeps running")
    func failure() {
        var (state, id, _) = answering()
        _ = update(&state, .answerFailed(.service("throttled"), query: id))
        #expect(state.conversation.current?.answerStatus == .failed("The model service failed: throttled"))
        #expect(state.screen == .main)
    }

    @Test("An answer that fails after some text keeps it and is recorded as cut off")
    func failureMidAnswerIsCut() {
        var (state, id, _) = answering()
        _ = update(&state, .answerEvent(.text("Book early"), query: id))
        let effects = update(&state, .answerFailed(.service("Bedrock throttled the answer while it was being written"), query: id))
        let turn = state.conversation.current
        #expect(turn?.answer == "Book early")
        #expect(turn?.answerWasCut == true)
        for case let .recordTurn(record, _, _) in effects { #expect(record.wasStopped) }
    }

    @Test("New conversation and sign-out stop the answer in flight")
    func newConversationAndSignOutStop() {
        var (state, id, _) = answering()
        #expect(update(&state, .newConversation).contains(.cancelAnswer(id)))
        #expect(state.conversation.turns.isEmpty)
        var (other, otherID, _) = answering()
        #expect(update(&other, .signOut).contains(.cancelAnswer(otherID)))
    }

    @Test("c cycles the answer's citations and selects each cited passage; Enter jumps to it")
    func citationsSelectPassages() {
        var (state, id, _) = answering()
        _ = update(&state, .answerEvent(.text("Two [2] then one [1] and [9]."), query: id))
        _ = update(&state, .focus(.chat))
        _ = update(&state, .nextCitation)
        #expect(state.conversation.selectedCitation == 2)
        #expect(state.passages.selected?.rank == 2)
        #expect(state.passages.expanded == 2)
        _ = update(&state, .nextCitation)
        #expect(state.conversation.selectedCitation == 1)  // [9] is not a passage of this turn: skipped
        _ = update(&state, .nextCitation)
        #expect(state.conversation.selectedCitation == 2)
        _ = update(&state, .confirm)
        #expect(state.focus == .passages)
    }

    @Test("y in the chat copies the answer; x exports the conversation with its sources")
    func copyAndExport() throws {
        var (state, id, _) = answering()
        _ = update(&state, .answerEvent(.text("Book early [1]."), query: id))
        _ = update(&state, .answerEnded(latencyMilliseconds: 5, query: id))
        _ = update(&state, .focus(.chat))
        #expect(update(&state, .copyFocused) == [.copyToClipboard("Book early [1].", what: "the answer")])
        let effects = update(&state, .exportConversation)
        guard case let .exportMarkdown(markdown, _)? = effects.first else {
            Issue.record("no export: \(effects)")
            return
        }
        #expect(markdown.contains("## travel policy"))
        #expect(markdown.contains("- [1] [Document 1](https://wiki.example.com/1) — `doc-1`"))
    }
}

extension Effect {
    var isAsk: Bool {
        if case .ask = self { return true }
        return false
    }
}
