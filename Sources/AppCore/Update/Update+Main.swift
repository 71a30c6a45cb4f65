import Accessor
import Assistant
import Foundation

func updateMain(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .confirm where state.focus == .input:
        return submitQuestion(&state)
    case .confirm where state.focus == .chat && state.conversation.selectedCitation != nil:
        state.focus = .passages  // jump to the cited passage
    case .openHistory:
        return openHistory(&state)
    case .nextCitation:
        selectNextCitation(&state)
    case .exportConversation:
        guard !state.conversation.turns.isEmpty else {
            state.notice = "Nothing to export yet."
            return []
        }
        return [.exportMarkdown(ConversationMarkdown.render(state.conversation.exported, tenant: state.tenant?.name),
                                suggestedName: "qseek-conversation")]
    case .confirm where state.focus == .passages, .toggleExpanded:
        guard let rank = state.passages.selected?.rank else { return [] }
        state.passages.expanded = state.passages.expanded == rank ? nil : rank
    case .cancel:
        return cancelOrQuit(&state)
    case .typeText(let text):
        state.focus = .input  // typing anywhere starts a question
        state.input.insert(text)
        state.inputError = nil
    case .insertNewline:
        state.input.insert("\n")
    case .deleteBackward:
        state.input.deleteBackward()
        state.inputError = nil
    case .deleteForward:
        state.input.deleteForward()
    case .deleteWordBackward:
        state.input.deleteWordBackward()
    case .moveCursor(let offset):
        state.input.moveCursor(by: offset)
    case .moveCursorToStart:
        state.input.moveCursorToStart()
    case .moveCursorToEnd:
        state.input.moveCursorToEnd()
    case .focusNext, .focusPrevious:
        let panes = Pane.allCases
        let index = panes.firstIndex(of: state.focus) ?? 0
        let step = action == .focusNext ? 1 : panes.count - 1
        state.focus = panes[(index + step) % panes.count]
    case .focus(let pane):
        state.focus = pane
    case .selectPrevious, .selectNext, .pageUp, .pageDown, .selectFirst, .selectLast:
        move(&state, action)
    case .togglePassage:
        guard let rank = state.passages.selected?.rank else { return [] }
        if state.passages.excluded.contains(rank) {
            state.passages.excluded.remove(rank)
        } else {
            state.passages.excluded.insert(rank)
        }
        reassemblePrompt(&state)
    case .openSelectedPassage:
        guard let uri = state.passages.selected?.uri, !uri.isEmpty else {
            state.notice = "This passage has no link."
            return []
        }
        return [.openURL(uri)]
    case .copyFocused:
        return copy(&state)
    case .toggleZoom:
        state.zoomed.toggle()
    case .switchTenant:
        openTenantPicker(&state)
    case .newConversation:
        var effects: [Effect] = []
        if let id = state.passages.queryID, state.passages.isSearching { effects.append(.cancelSearch(id)) }
        effects += stopAnswer(&state)
        clearTenantData(&state)
        state.notice = "New conversation."
        return effects
    case .passagesArrived(let page, let isLast, let query) where query == state.passages.queryID:
        receive(page, isLast: isLast, into: &state)
        if isLast {
            let ask = askModel(&state)
            return ask.isEmpty ? recordCurrentTurn(&state) : ask
        }
    case .searchFailed(let failure, let query) where query == state.passages.queryID:
        return searchFailed(failure, query: query, state: &state)
    case .exchangeSucceeded(let tenantID, let expiry) where tenantID == state.tenant?.id:
        state.credentialsExpiry = expiry
        if let retry = state.retryAfterExchange {
            state.retryAfterExchange = nil
            return [.search(retry.query, id: retry.id)]
        }
    case .exchangeFailed(let error, let tenantID) where tenantID == state.tenant?.id:
        state.retryAfterExchange = nil
        state.passages.isSearching = false
        state.passages.error = error.screenMessage
        setTurnStatus(&state, .failed(error.screenMessage))
    default:
        break
    }
    return []
}

/// Sends the typed question: a new search replaces (and cancels) the one in flight.
func submitQuestion(_ state: inout AppState) -> [Effect] {
    let line = state.input.text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !line.isEmpty, let tenant = state.tenant else { return [] }
    let parsed: FilteredQuery
    do {
        parsed = try FilteredQuery.parse(line)
    } catch {
        state.inputError = error.userMessage
        return []
    }
    guard !parsed.text.isEmpty else {
        state.inputError = "Type a question as well as filters."
        return []
    }
    var effects: [Effect] = []
    if let previous = state.passages.queryID, state.passages.isSearching {
        effects.append(.cancelSearch(previous))
        setTurnStatus(&state, .cancelled)
    }
    effects += stopAnswer(&state)
    state.conversation.selectedCitation = nil
    let id = state.makeQueryID()
    let searchText = FollowUpQuery.searchText(for: parsed.text, previous: state.conversation.current?.searchText)
    let query = PassageQuery(tenant: tenant, text: searchText, filter: parsed.filter,
                             pageSize: state.pageSize, maxPages: state.maxPages)
    state.conversation.turns.append(.init(question: line, queryText: parsed.text, searchText: searchText, queryID: id,
                                          status: .searching))
    state.conversation.scrollOffset = 0
    state.passages = PassagesState()
    state.passages.queryID = id
    state.passages.isSearching = true
    state.prompt.assembler.forgetCosts()
    state.prompt.scrollOffset = 0
    state.retryAfterExchange = nil
    state.input.clear()
    state.inputError = nil
    reassemblePrompt(&state)
    return effects + [.search(query, id: id)]
}

func receive(_ page: [Passage], isLast: Bool, into state: inout AppState) {
    let start = state.passages.items.count
    for (offset, var passage) in page.enumerated() {
        passage.rank = start + offset + 1  // ranks run on across pages
        state.passages.items.append(passage)
    }
    state.passages.pagesReceived += 1
    if isLast {
        state.passages.isSearching = false
        setTurnStatus(&state, .retrieved(count: state.passages.items.count))
    }
    reassemblePrompt(&state)
}

func searchFailed(_ error: AccessorError, query: QueryID, state: inout AppState) -> [Effect] {
    if error == .credentialsExpired, !state.passages.retriedAfterExpiry, let tenant = state.tenant,
       let turn = state.conversation.current {
        // Renew transparently (new exchange, refreshing the ID token if needed), then retry once.
        state.passages.retriedAfterExpiry = true
        state.passages.items = []
        state.passages.pagesReceived = 0
        let retry = PassageQuery(tenant: tenant, text: turn.searchText,
                                 filter: (try? FilteredQuery.parse(turn.question))?.filter,
                                 pageSize: state.pageSize, maxPages: state.maxPages)
        state.retryAfterExchange = PendingSearch(query: retry, id: query)
        state.notice = "Credentials expired; renewing them and retrying."
        return [.exchange(tenant)]
    }
    state.passages.isSearching = false
    state.passages.error = error.screenMessage
    setTurnStatus(&state, .failed(error.screenMessage))
    return []
}

func cancelOrQuit(_ state: inout AppState) -> [Effect] {
    if state.passages.isSearching, let id = state.passages.queryID {
        state.passages.isSearching = false
        state.retryAfterExchange = nil
        setTurnStatus(&state, .cancelled)
        state.notice = "Search cancelled."
        return [.cancelSearch(id)]
    }
    let stopped = stopAnswer(&state)
    if !stopped.isEmpty {
        state.notice = "Answer stopped."
        return stopped
    }
    if state.zoomed {
        state.zoomed = false
        return []
    }
    return armOrQuit(&state)
}

func setTurnStatus(_ state: inout AppState, _ status: Conversation.Turn.Status) {
    guard !state.conversation.turns.isEmpty else { return }
    state.conversation.turns[state.conversation.turns.count - 1].status = status
}

func reassemblePrompt(_ state: inout AppState) {
    guard let turn = state.conversation.current else {
        state.prompt.assembled = nil
        return
    }
    state.prompt.assembled = state.prompt.assembler.assemble(
        question: turn.queryText, passages: state.passages.items, excluded: state.passages.excluded)
}

func copy(_ state: inout AppState) -> [Effect] {
    switch state.focus {
    case .prompt:
        guard let text = state.prompt.assembled?.text else { return [] }
        return [.copyToClipboard(text, what: "the prompt")]
    case .passages:
        guard let passage = state.passages.selected else { return [] }
        return [.copyToClipboard(passage.content, what: "passage [\(passage.rank)]")]
    case .chat, .input:
        guard let turn = state.conversation.current else { return [] }
        let text = turn.answer.isEmpty ? turn.question : turn.answer
        return [.copyToClipboard(text, what: turn.answer.isEmpty ? "the question" : "the answer")]
    }
}

/// Arrow keys and friends: move the selection in the passages, scroll chat and prompt.
func move(_ state: inout AppState, _ action: Action) {
    let page = 10
    func moved(_ value: Int, count: Int) -> Int {
        let last = max(0, count - 1)
        switch action {
        case .selectPrevious: return max(0, value - 1)
        case .selectNext: return min(last, value + 1)
        case .pageUp: return max(0, value - page)
        case .pageDown: return min(last, value + page)
        case .selectFirst: return 0
        default: return last
        }
    }
    switch state.focus {
    case .passages, .input:
        state.passages.selection = moved(state.passages.selection, count: state.passages.items.count)
    case .prompt:
        // Scrolling down shows later lines; the view clamps to the prompt's length.
        state.prompt.scrollOffset = moved(state.prompt.scrollOffset, count: Int.max / 2)
    case .chat:
        // The chat is anchored at the bottom: "up" scrolls back into older turns; the
        // view clamps the offset to the conversation's length.
        let offset = state.conversation.scrollOffset
        state.conversation.scrollOffset = switch action {
        case .selectPrevious: offset + 1
        case .selectNext: max(0, offset - 1)
        case .pageUp: offset + page
        case .pageDown: max(0, offset - page)
        case .selectFirst: Int.max / 2
        default: 0
        }
    }
}
