import Testing
@testable import Terminal

@Suite("Wrapping and truncation at display width")
struct TextLayoutTests {
    @Test("Truncation keeps text that fits and marks cut text with an ellipsis")
    func truncateASCII() {
        #expect(TextLayout.truncate("hello", toWidth: 5) == "hello")
        #expect(TextLayout.truncate("hello world", toWidth: 8) == "hello w…")
        #expect(TextLayout.truncate("hello", toWidth: 0) == "")
        #expect(TextLayout.truncate("hello", toWidth: 1) == "…")
    }

    @Test("Truncation counts wide characters as two cells and never splits one")
    func truncateWide() {
        let cut = TextLayout.truncate("漢字かな", toWidth: 5)
        #expect(cut == "漢字…")
        #expect(DisplayWidth.of(cut) == 5)
        let emoji = TextLayout.truncate("ab😀cd", toWidth: 4)
        #expect(emoji == "ab…")
        #expect(DisplayWidth.of(emoji) <= 4)
    }

    @Test("Words wrap at spaces and every line fits the width")
    func wrapWords() {
        let lines = TextLayout.wrap("the quick brown fox jumps over the lazy dog", toWidth: 10)
        #expect(lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
    }

    @Test("CJK text wraps by cells, breaking inside a long run")
    func wrapCJK() {
        let lines = TextLayout.wrap("出張規程と経費精算の手引き", toWidth: 6)
        #expect(lines == ["出張規", "程と経", "費精算", "の手引", "き"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 6 })
    }

    @Test("Line breaks in the text are kept, including empty lines")
    func wrapKeepsBreaks() {
        #expect(TextLayout.wrap("a\n\nb", toWidth: 10) == ["a", "", "b"])
    }

    @Test("A word longer than the line is broken between clusters")
    func wrapLongWord() {
        #expect(TextLayout.wrap("abcdefghij", toWidth: 4) == ["abcd", "efgh", "ij"])
    }

    @Test("Leading indentation on a line survives wrapping")
    func wrapIndentation() {
        #expect(TextLayout.wrap("  code here", toWidth: 20) == ["  code here"])
    }
}
