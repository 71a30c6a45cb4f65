import Accessor
import Assistant
import Foundation

/// How many earlier exchanges go with a question, so follow-ups make sense to the model
/// without the prompt growing with the whole conversation.
let historyTurnsSent = 3

/// Once the last page is in: asks the model with the assembled prompt, if one is configured
/// and there is something to answer from.
func askModel(_ state: inout AppState) -> [Effect] {
    guard let model = state.modelName, let prompt = state.prompt.assembled,
          let index = state.conversation.turns.indices.last else { return [] }
    guard !prompt.included.isEmpty else {
        state.notice = "No passages to answer from, so the model was not asked."
        return []
    }
    let earlier = state.conversation.turns.dropLast().filter { turn in
        if case .finished = turn.answerStatus { return true }
        return false
    }
    let history = earlier.suffix(historyTurnsSent).map { ModelRequest.Exchange(question: $0.queryText, answer: $0.answer) }
    var turn = state.conversation.turns[index]
    let byRank = Dictionary(state.passages.items.map { ($0.rank, $0) }, uniquingKeysWith: { first, _ in first })
    turn.citations = prompt.included.compactMap { byRank[$0].map(Citation.init) }
    turn.streamed = StreamedAnswer()
    turn.answerStatus = .streaming
    turn.model = model
    turn.usage = nil
    turn.latencyMilliseconds = nil
    turn.askedAt = state.now
    state.conversation.turns[index] = turn
    state.conversation.selectedCitation = nil
    let sources = prompt.included.compactMap { byRank[$0] }.map {
        ModelRequest.Source(number: $0.rank, title: $0.title, uri: $0.uri, text: $0.content)
    }
    return [.ask(ModelRequest(prompt: prompt.text, history: Array(history), question: turn.queryText, sources: sources), id: turn.queryID)]
}

/// Stops the answer being generated (Ctrl+C, a new question, a new conversation, sign-out).
func stopAnswer(_ state: inout AppState) -> [Effect] {
    guard let index = state.conversation.turns.indices.last,
          state.conversation.turns[index].answerStatus.isStreaming else { return [] }
    state.conversation.turns[index].answerStatus = .stopped
    state.conversation.turns[index].streamed.finish()
    return [.cancelAnswer(state.conversation.turns[index].queryID)] + recordCurrentTurn(&state)
}

/// Deltas, usage and the end of the answer to the current turn; late events of an answer
/// that was stopped or replaced are dropped.
func receiveAnswer(_ state: inout AppState, _ action: Action) -> [Effect] {
    guard let index = state.conversation.turns.indices.last else { return [] }
    var turn = state.conversation.turns[index]
    switch action {
    case .answerEvent(let event, let query) where query == turn.queryID:
        switch event {
        case .text(let delta) where turn.answerStatus.isStreaming:
            turn.streamed.append(delta)
        case .usage(let usage) where turn.answerStatus.isStreaming || turn.answerStatus.isFinished:
            turn.usage = usage  // Bedrock reports usage after the stop reason
        case .stopped(let reason) where turn.answerStatus.isStreaming:
            turn.answerStatus = .finished(stopReason: reason)
            turn.streamed.finish()
        default:
            return []
        }
    case .answerEnded(let latency, let query) where query == turn.queryID && turn.answerStatus != .stopped:
        turn.latencyMilliseconds = latency
        if turn.answerStatus.isStreaming { turn.answerStatus = .finished(stopReason: "end") }
        turn.streamed.finish()
    case .answerFailed(let error, let query) where query == turn.queryID && turn.answerStatus.isStreaming:
        turn.answerStatus = .failed(error.userMessage)
        turn.streamed.finish()
    default:
        return []
    }
    state.conversation.turns[index] = turn
    // Recorded once: when the answer ends (Bedrock's usage may follow the stop reason).
    switch action {
    case .answerEnded, .answerFailed: return recordCurrentTurn(&state)
    default: return []
    }
}

/// `c` in the chat pane: the next `[n]` the answer cites, selected and expanded in the passages.
func selectNextCitation(_ state: inout AppState) {
    guard let turn = state.conversation.current else { return }
    let cited = Citation.markers(in: turn.answer).filter { number in
        turn.citation(number) != nil && state.passages.items.contains { $0.rank == number }
    }
    guard !cited.isEmpty else {
        state.notice = "This answer cites no passages."
        return
    }
    let next: Int
    if let current = state.conversation.selectedCitation, let position = cited.firstIndex(of: current) {
        next = cited[(position + 1) % cited.count]
    } else {
        next = cited[0]
    }
    state.conversation.selectedCitation = next
    if let position = state.passages.items.firstIndex(where: { $0.rank == next }) {
        state.passages.selection = position
        state.passages.expanded = next
    }
    if let citation = turn.citation(next) { state.notice = "[\(next)] \(citation.title)" }
}

extension AnswerStatus {
    var isFinished: Bool {
        if case .finished = self { return true }
        return false
    }
}
