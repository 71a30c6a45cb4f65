import Testing
@testable import Assistant

@Suite("Answers stream into finished Markdown blocks")
struct StreamedAnswerTests {
    @Test("A block is parsed when a blank line ends it; the one being written stays pending")
    func blocksFinishAtBlankLines() {
        var answer = StreamedAnswer()
        answer.append("# Travel\n\nBook **early** [1].")
        #expect(answer.blocks == [MarkdownBlock(lines: [MarkdownLine(kind: .heading(level: 1), spans: [MarkdownSpan("Travel")])])])
        #expect(answer.pending == "Book **early** [1].")
        answer.append("\n\n- one\n")
        #expect(answer.blocks.count == 2)
        #expect(answer.blocks[1].lines[0].spans == [MarkdownSpan("Book "), MarkdownSpan("early", .strong), MarkdownSpan(" "),
                                                    MarkdownSpan("[1]", .citation(1)), MarkdownSpan(".")])
        answer.finish()
        #expect(answer.blocks.count == 3)
        #expect(answer.blocks[2].lines == [MarkdownLine(kind: .bullet, spans: [MarkdownSpan("one")])])
        #expect(answer.text == "# Travel\n\nBook **early** [1].\n\n- one\n")
    }

    @Test("Streaming token by token gives the same blocks as the whole text at once")
    func tokenByToken() {
        let text = "Intro *x* [2].\n\n```swift\nlet a = 1\n\nlet b = 2\n```\n1. first [1]\n2. see [docs](https://x.example)\n\n> quoted"
        var streamed = StreamedAnswer()
        for character in text { streamed.append(String(character)) }
        streamed.finish()
        #expect(streamed.blocks == StreamedAnswer(finished: text).blocks)
        #expect(streamed.blocks.count == 4)
        #expect(streamed.blocks[1].lines.map(\.kind) == [.code, .code, .code])
    }

    @Test("CRLF line ends separate blocks too")
    func crlf() {
        var answer = StreamedAnswer()
        answer.append("First [1].\r\n\r\nSecond")
        #expect(answer.blocks == [MarkdownBlock(lines: [MarkdownLine(kind: .paragraph, spans: [MarkdownSpan("First "), MarkdownSpan("[1]", .citation(1)), MarkdownSpan(".")])])])
        #expect(answer.pending == "Second")
    }

    @Test("Unbalanced markers stay literal text")
    func literalFallback() {
        #expect(MarkdownParser.inline("2 * 3 and [see] **open") == [MarkdownSpan("2 * 3 and [see] **open")])
    }

    @Test("Citation markers are found in order, once each")
    func markers() {
        #expect(Citation.markers(in: "a [2] b [1][2] c [x] [12345]") == [2, 1])
    }

    @Test("A conversation exports as Markdown with the sources its answer cites")
    func export() {
        let turn = ConversationMarkdown.Turn(question: "Travel?", answer: "Book early [2].",
                                             citations: [Citation(number: 1, documentID: "d1", title: "One", uri: nil),
                                                         Citation(number: 2, documentID: "d2", title: "Two", uri: "https://w/2")])
        let markdown = ConversationMarkdown.render([turn], tenant: "Acme")
        #expect(markdown.contains("## Travel?\n\nBook early [2].\n"))
        #expect(markdown.contains("- [2] [Two](https://w/2) — `d2`"))
        #expect(!markdown.contains("[1] One"))
    }
}
