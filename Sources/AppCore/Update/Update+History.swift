import Accessor
import Assistant
import Foundation
import History

/// F3: the history of this user in this tenant.
func openHistory(_ state: inout AppState) -> [Effect] {
    guard let owner = state.historyOwner else { return [] }
    state.history = HistoryBrowserState()
    state.history.isLoading = true
    state.screen = .history
    return [.listHistory(owner)]
}

func updateHistory(_ state: inout AppState, _ action: Action) -> [Effect] {
    let count = state.history.items.count
    switch action {
    case .selectPrevious:
        state.history.selection = max(0, state.history.selection - 1)
    case .selectNext:
        state.history.selection = min(max(0, count - 1), state.history.selection + 1)
    case .selectFirst, .pageUp:
        state.history.selection = 0
    case .selectLast, .pageDown:
        state.history.selection = max(0, count - 1)
    case .cancel, .openHistory:
        state.screen = .main
    case .confirm:
        guard let owner = state.historyOwner, let item = state.history.selected else { return [] }
        state.history.isLoading = true
        return [.loadConversation(item.id, owner: owner)]
    case .deleteSelected:
        guard let owner = state.historyOwner, let item = state.history.selected else { return [] }
        state.history.items.remove(at: state.history.selection)
        state.history.selection = min(state.history.selection, max(0, state.history.items.count - 1))
        if state.conversation.historyKey == item.id { state.conversation.historyKey = nil }
        state.notice = "Deleted “\(item.title)”."
        return [.deleteConversation(item.id, owner: owner)]
    case .historyListed(let items):
        state.history.items = items
        state.history.isLoading = false
        state.history.selection = min(state.history.selection, max(0, items.count - 1))
    case .historyFailed(let error):
        state.history.isLoading = false
        state.history.error = error.userMessage
    case .conversationLoaded(let id, let turns):
        return resume(id, turns: turns, state: &state)
    default:
        break
    }
    return []
}

/// Replaces the conversation with a past one; new questions continue it in the history.
func resume(_ id: String, turns: [HistoryTurn], state: inout AppState) -> [Effect] {
    var effects: [Effect] = []
    if let query = state.passages.queryID, state.passages.isSearching { effects.append(.cancelSearch(query)) }
    effects += stopAnswer(&state)
    clearTenantData(&state)
    for recorded in turns {
        var turn = Conversation.Turn(question: recorded.question, queryText: recorded.question,
                                     queryID: state.makeQueryID(), status: .retrieved(count: recorded.citations.count))
        turn.streamed = StreamedAnswer(finished: recorded.answer)
        turn.answerStatus = recorded.wasStopped ? .stopped : recorded.answer.isEmpty ? .notAsked : .finished(stopReason: "history")
        turn.citations = recorded.citations.map(Citation.init)
        turn.model = recorded.model
        turn.askedAt = recorded.askedAt
        state.conversation.turns.append(turn)
    }
    state.conversation.historyKey = id
    state.screen = .main
    state.focus = .input
    state.notice = "Resumed a conversation of \(turns.count) turn\(turns.count == 1 ? "" : "s"); ask on to continue it."
    return effects
}

/// The current turn, once finished, as a history record (the history decides what it keeps).
func recordCurrentTurn(_ state: inout AppState) -> [Effect] {
    guard let owner = state.historyOwner, let turn = state.conversation.current else { return [] }
    let key = state.conversation.historyKey ?? "\(Int((turn.askedAt ?? state.now).timeIntervalSince1970 * 1000))-\(turn.queryID.rawValue)"
    state.conversation.historyKey = key
    var texts: [Int: String] = [:]
    for passage in state.passages.items where turn.citation(passage.rank) != nil { texts[passage.rank] = passage.content }
    // The store keeps the passage text only in `full` mode; it decides, not the view-model.
    let citations = turn.citations.map {
        HistoryCitation(number: $0.number, documentID: $0.documentID, title: $0.title, uri: $0.uri, text: texts[$0.number])
    }
    let record = HistoryTurn(question: turn.question, answer: turn.answer, model: turn.model,
                             askedAt: turn.askedAt ?? state.now, answeredAt: state.now,
                             citations: citations, wasStopped: turn.answerStatus == .stopped || turn.answerWasCut)
    return [.recordTurn(record, conversation: key, owner: owner)]
}

extension Citation {
    /// A citation of a past answer, as the history gave it back.
    public init(_ stored: HistoryCitation) {
        self.init(number: stored.number, documentID: stored.documentID, title: stored.title, uri: stored.uri)
    }
}
