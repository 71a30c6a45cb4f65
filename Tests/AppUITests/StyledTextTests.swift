import Testing
@testable import AppUI
import Terminal

@Suite("Wrapping styled answer text")
struct StyledTextTests {
    @Test("No wrapped line is wider than the pane, words stay whole, styles stay with their words")
    func wrapsWithinWidth() {
        let bold = Style(attributes: .bold)
        let runs = [StyledText.Run("Book through the ", .plain), StyledText.Run("portal", bold),
                    StyledText.Run(" at least 14 days ahead [1]. Economy applies under six hours.", .plain)]
        for width in [10, 23, 46, 47] {
            let lines = StyledText.wrap(runs, width: width, firstPrefix: "• ", prefix: "  ")
            for line in lines {
                #expect(line.map { DisplayWidth.of($0.text) }.reduce(0, +) <= width, "width \(width): \(line)")
            }
            let words = lines.flatMap { $0 }.map(\.text).joined(separator: " ").split(separator: " ").filter { $0 != "•" }
            #expect(words.joined(separator: " ") == "Book through the portal at least 14 days ahead [1]. Economy applies under six hours.")
            #expect(lines.flatMap { $0 }.contains { $0.text.contains("portal") && $0.style == bold })
        }
    }

    @Test("A word wider than the line is broken, not cut off")
    func longWord() {
        let lines = StyledText.wrap([StyledText.Run(String(repeating: "x", count: 25), .plain)], width: 10)
        #expect(lines.map { $0.map(\.text).joined() } == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
    }
}
