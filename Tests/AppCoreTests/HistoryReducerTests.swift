import Accessor
import Assistant
import Foundation
import History
import Testing
@testable import AppCore

@Suite("History: recorded when a turn ends, browsed, resumed and deleted")
struct HistoryReducerTests {
    let owner = HistoryOwner(user: "u-ana", tenant: Tenant.acme.id)

    @Test("A finished answer is recorded once, with its citations and passage text, under one conversation key")
    func recordsFinishedTurns() throws {
        var state = AppState.signedIn()
        state.modelName = "m"
        let id = state.ask("travel policy").searchID!
        _ = update(&state, .passagesArrived(page: [.sample(1)], isLast: true, query: id))
        _ = update(&state, .answerEvent(.text("Book early [1]."), query: id))
        #expect(update(&state, .answerEvent(.stopped(reason: "end_turn"), query: id)).isEmpty)
        let effects = update(&state, .answerEnded(latencyMilliseconds: 9, query: id))
        guard case let .recordTurn(turn, key, recordedOwner)? = effects.first else {
            Issue.record("nothing recorded: \(effects)")
            return
        }
        #expect(recordedOwner == owner)
        #expect(turn.question == "travel policy")
        #expect(turn.answer == "Book early [1].")
        #expect(turn.citations.map(\.documentID) == ["doc-1"])
        #expect(turn.citations.first?.text == "Passage 1 says something about travel.")
        #expect(state.conversation.historyKey == key)

        let second = state.ask("and hotels?").searchID!
        _ = update(&state, .passagesArrived(page: [.sample(1)], isLast: true, query: second))
        let next = update(&state, .answerEnded(latencyMilliseconds: 9, query: second))
        guard case let .recordTurn(_, sameKey, _)? = next.first else {
            Issue.record("second turn not recorded")
            return
        }
        #expect(sameKey == key)
    }

    @Test("An answer stopped with Ctrl+C is recorded as stopped, and resumes as stopped")
    func stoppedAnswersStayStopped() throws {
        var state = AppState.signedIn()
        state.modelName = "m"
        let id = state.ask("travel policy").searchID!
        _ = update(&state, .passagesArrived(page: [.sample(1)], isLast: true, query: id))
        _ = update(&state, .answerEvent(.text("Book early"), query: id))
        let effects = update(&state, .cancel)
        guard let recorded = effects.lazy.compactMap({ effect -> HistoryTurn? in
            if case let .recordTurn(turn, _, _) = effect { turn } else { nil }
        }).first else {
            Issue.record("the stopped turn was not recorded: \(effects)")
            return
        }
        #expect(recorded.wasStopped)
        #expect(recorded.answer == "Book early")

        var later = AppState.signedIn()
        _ = update(&later, .openHistory)
        _ = update(&later, .conversationLoaded(id: "c1", turns: [recorded]))
        #expect(later.conversation.current?.answerStatus == .stopped)
        #expect(later.conversation.exported.first?.wasStopped == true)
    }

    @Test("Without a model, the retrieved turn is recorded when its last page arrives")
    func recordsWithoutModel() {
        var state = AppState.signedIn()
        let id = state.ask("travel").searchID!
        let effects = update(&state, .passagesArrived(page: [.sample(1)], isLast: true, query: id))
        #expect(effects.contains { if case .recordTurn = $0 { true } else { false } })
    }

    @Test("F3 lists this user's conversations in this tenant; Enter resumes one; Esc goes back")
    func browseAndResume() throws {
        var state = AppState.signedIn()
        #expect(update(&state, .openHistory) == [.listHistory(owner)])
        #expect(state.screen == .history)
        let listing = [ConversationSummary(id: "c2", title: "expenses", turnCount: 1, createdAt: AppState.epoch, updatedAt: AppState.epoch),
                       ConversationSummary(id: "c1", title: "travel policy", turnCount: 2, createdAt: AppState.epoch, updatedAt: AppState.epoch)]
        _ = update(&state, .historyListed(listing))
        _ = update(&state, .selectNext)
        #expect(update(&state, .confirm) == [.loadConversation("c1", owner: owner)])
        let turns = [HistoryTurn(question: "travel policy", answer: "## Rules\n\nBook early [1].", model: "m", askedAt: AppState.epoch,
                                 answeredAt: AppState.epoch, citations: [HistoryCitation(number: 1, documentID: "d", title: "T", uri: nil)])]
        _ = update(&state, .conversationLoaded(id: "c1", turns: turns))
        #expect(state.screen == .main)
        #expect(state.conversation.historyKey == "c1")
        #expect(state.conversation.turns.map(\.answer) == ["## Rules\n\nBook early [1]."])
        #expect(state.conversation.current?.streamed.blocks.count == 2)
        #expect(state.conversation.current?.citation(1)?.title == "T")

        _ = update(&state, .openHistory)
        _ = update(&state, .cancel)
        #expect(state.screen == .main)
    }

    @Test("d deletes the selected conversation from the list and the history")
    func delete() {
        var state = AppState.signedIn()
        _ = update(&state, .openHistory)
        _ = update(&state, .historyListed([ConversationSummary(id: "c1", title: "travel", turnCount: 1, createdAt: AppState.epoch, updatedAt: AppState.epoch)]))
        #expect(update(&state, .deleteSelected) == [.deleteConversation("c1", owner: owner)])
        #expect(state.history.items.isEmpty)
    }

    @Test("A history that cannot be read says so on the history screen")
    func failure() {
        var state = AppState.signedIn()
        _ = update(&state, .openHistory)
        _ = update(&state, .historyFailed(HistoryError("SQLite error 26: file is not a database")))
        #expect(state.history.error?.contains("not a database") == true)
        #expect(!state.history.isLoading)
    }
}
