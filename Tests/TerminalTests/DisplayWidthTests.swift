import Testing
@testable import Terminal

@Suite("Display width per grapheme cluster")
struct DisplayWidthTests {
    @Test("ASCII letters take one cell each")
    func ascii() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("CJK ideographs, kana and fullwidth forms take two cells")
    func eastAsianWide() {
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("かな") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ＡＢ") == 4)
    }

    @Test("Emoji with emoji presentation take two cells")
    func emoji() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("🚀📄") == 4)
    }

    @Test("A ZWJ family is one cluster of two cells, not three emoji")
    func zwjFamily() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(family.count == 1)
        #expect(DisplayWidth.of(family) == 2)
    }

    @Test("Flags, keycaps and VS16 sequences take two cells")
    func sequences() {
        #expect(DisplayWidth.of("🇫🇷") == 2)
        #expect(DisplayWidth.of("🇯🇵🇩🇪") == 4)
        #expect(DisplayWidth.of("1\u{FE0F}\u{20E3}") == 2)
        #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 2)
        #expect(DisplayWidth.of("\u{2764}") == 1)
        #expect(DisplayWidth.of("👍🏽") == 2)
    }

    @Test("Combining marks and zero-width characters take no cell of their own")
    func combining() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{20DD}") == 1)
        #expect(DisplayWidth.width(of: "\u{301}") == 0)
        #expect(DisplayWidth.width(of: "\u{200B}") == 0)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("ก\u{E34}") == 1)
    }

    @Test("Mixed text adds up per cluster")
    func mixed() {
        #expect(DisplayWidth.of("Hi 漢字 😀 e\u{301}") == 2 + 1 + 4 + 1 + 2 + 1 + 1)
    }
}
