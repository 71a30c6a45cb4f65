import Accessor
import Testing
@testable import AppCore

@Suite("Follow-up questions are searched with the previous search's words, and the chat shows it")
struct FollowUpQueryTests {
    @Test("A question that points back or continues gets the previous search's content words", arguments: [
        ("and who responded to it?", "and who responded to it? quarterly planning process"),
        ("what about Northwind?", "what about Northwind? quarterly planning process"),
        ("why?", "why? quarterly planning process"),
        ("tell me more about that", "tell me more about that quarterly planning process"),
    ])
    func rewritten(question: String, expected: String) {
        #expect(FollowUpQuery.searchText(for: question, previous: "quarterly planning process") == expected)
    }

    @Test("A question that stands on its own is searched as typed", arguments: [
        "What is the vacation policy for contractors?",
        "incident review payment outage",
        "vacation",
    ])
    func standalone(question: String) {
        #expect(FollowUpQuery.searchText(for: question, previous: "quarterly planning process") == question)
    }

    @Test("The first question, and words the question already has, add nothing")
    func nothingToAdd() {
        #expect(FollowUpQuery.searchText(for: "and it?", previous: nil) == "and it?")
        #expect(FollowUpQuery.searchText(for: "and the planning process?", previous: "planning process") == "and the planning process?")
    }

    @Test("In the app, the follow-up's search carries the earlier words; the prompt keeps the question as asked")
    func inTheApp() {
        var state = AppState.signedIn()
        let first = state.ask("travel policy").searchID!
        _ = update(&state, .passagesArrived(page: [.sample(1)], isLast: true, query: first))
        let effects = state.ask("and for contractors? @category=hr")
        #expect(effects.searchQuery?.text == "and for contractors? travel policy")
        #expect(effects.searchQuery?.filter != nil)
        let turn = state.conversation.current
        #expect(turn?.queryText == "and for contractors?")
        #expect(turn?.searchText == "and for contractors? travel policy")
    }
}
