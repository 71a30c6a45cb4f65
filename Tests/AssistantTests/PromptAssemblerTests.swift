import Accessor
import Testing
@testable import Assistant

@Suite("Assembling the LLM prompt")
struct PromptAssemblerTests {
    func passage(_ rank: Int, words: Int = 20) -> Passage {
        Passage(rank: rank, documentID: "doc-\(rank)", title: "Policy \(rank)", uri: "https://wiki.example.com/\(rank)",
                content: Array(repeating: "travel", count: words).joined(separator: " "), confidence: .high)
    }

    @Test("The default prompt numbers passages, cites as [n] and ends with the question")
    func defaultTemplate() {
        var assembler = PromptAssembler(budgetTokens: 6000)
        let prompt = assembler.assemble(question: "Where is the travel policy?", passages: [passage(1), passage(2)], excluded: [])
        #expect(prompt.text.contains("[1] Policy 1 <https://wiki.example.com/1>"))
        #expect(prompt.text.contains("[2] Policy 2"))
        #expect(prompt.text.contains("like [1]"))
        #expect(prompt.text.contains("do not answer the question, say that they do not"))
        #expect(prompt.text.hasSuffix("Question: Where is the travel policy?"))
        #expect(prompt.included == [1, 2])
        #expect(prompt.cut.isEmpty)
    }

    @Test("Passages the user excluded stay out and keep their numbers elsewhere")
    func exclusion() {
        var assembler = PromptAssembler(budgetTokens: 6000)
        let prompt = assembler.assemble(question: "q", passages: [passage(1), passage(2), passage(3)], excluded: [2])
        #expect(prompt.included == [1, 3])
        #expect(prompt.excluded == [2])
        #expect(!prompt.text.contains("Policy 2"))
        #expect(prompt.text.contains("[3] Policy 3"))
    }

    @Test("Over budget, the lowest-ranked passages are cut and the cut is noted")
    func budgetCut() {
        var assembler = PromptAssembler(budgetTokens: 400)
        let passages = (1...10).map { passage($0, words: 60) }
        let prompt = assembler.assemble(question: "q", passages: passages, excluded: [])
        #expect(!prompt.cut.isEmpty)
        #expect(prompt.included + prompt.cut == Array(1...10))
        #expect(prompt.cut == Array((prompt.included.count + 1)...10))
        #expect(prompt.text.contains("were left out to fit the token budget"))
        #expect(prompt.estimatedTokens <= 400)
    }

    @Test("Assembly is deterministic")
    func deterministic() {
        var first = PromptAssembler(budgetTokens: 300)
        var second = PromptAssembler(budgetTokens: 300)
        let passages = (1...8).map { passage($0, words: 40) }
        #expect(first.assemble(question: "q", passages: passages, excluded: [3]) == second.assemble(question: "q", passages: passages, excluded: [3]))
    }

    @Test("A user template renders as text, without HTML escaping")
    func userTemplate() throws {
        let template = try PromptTemplate(mustache: "{{#passages}}({{number}}:{{title}}){{/passages}} -> {{question}}")
        var assembler = PromptAssembler(template: template, budgetTokens: 1000)
        var odd = passage(1)
        odd.title = "R&D <plans>"
        let prompt = assembler.assemble(question: "a < b & c?", passages: [odd], excluded: [])
        #expect(prompt.text == "(1:R&D <plans>) -> a < b & c?")
    }

    @Test("A broken template is an error in words")
    func brokenTemplate() {
        #expect(throws: PromptTemplateError.self) { try PromptTemplate(mustache: "{{#passages}} unclosed") }
    }

    @Test("Token estimates count CJK characters one each and ASCII by bytes")
    func tokenEstimate() {
        #expect(TokenEstimate.of("") == 0)
        #expect(TokenEstimate.of("abcd") == 1)
        #expect(TokenEstimate.of("abcde") == 2)
        #expect(TokenEstimate.of("出張規程") == 4)
    }
}

@Suite("The default template's optional parts")
struct PromptTemplateOptionalPartsTests {
    @Test("Without a cut there is no note line")
    func noNote() {
        var assembler = PromptAssembler(budgetTokens: 6000)
        let prompt = assembler.assemble(question: "q", passages: [], excluded: [])
        #expect(!prompt.text.contains("Note:"))
        #expect(prompt.text.contains("(none were retrieved)"))
    }
}

@Suite("Naming cut passages")
struct RankListTests {
    @Test("Runs of ranks fold into ranges; lone ranks and pairs stay listed")
    func folding() {
        #expect(PromptAssembler.rankList([3]) == "[3]")
        #expect(PromptAssembler.rankList([3, 4]) == "[3], [4]")
        #expect(PromptAssembler.rankList([3, 5, 6, 7, 9]) == "[3], [5]–[7], [9]")
        #expect(PromptAssembler.rankList(Array(11...10_000)) == "[11]–[10000]")
    }
}
