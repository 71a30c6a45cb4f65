import Testing
@testable import Terminal

@Suite("Sanitising untrusted text")
struct TextSanitizerTests {
    let sanitizer = TextSanitizer()

    @Test("A clear-screen sequence loses its ESC and cannot act")
    func clearScreen() {
        let cleaned = sanitizer.sanitize("before\u{1B}[2Jafter")
        #expect(!cleaned.unicodeScalars.contains("\u{1B}"))
        #expect(cleaned == "before[2Jafter")
    }

    @Test("An OSC 0 window-title sequence cannot set the title")
    func windowTitle() {
        let cleaned = sanitizer.sanitize("x\u{1B}]0;pwned\u{07}y")
        #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 })
        #expect(cleaned == "x]0;pwnedy")
    }

    @Test("An OSC 52 clipboard write, with BEL or ST, is defused")
    func clipboardWrite() {
        let withBell = sanitizer.sanitize("\u{1B}]52;c;ZXZpbA==\u{07}")
        let withST = sanitizer.sanitize("\u{1B}]52;c;ZXZpbA==\u{1B}\\")
        for cleaned in [withBell, withST] {
            #expect(!cleaned.unicodeScalars.contains("\u{1B}"))
            #expect(!cleaned.unicodeScalars.contains("\u{07}"))
        }
    }

    @Test("8-bit C1 controls such as CSI (0x9B) and OSC (0x9D) are removed")
    func eightBitControls() {
        let cleaned = sanitizer.sanitize("a\u{9B}2Jb\u{9D}0;t\u{9C}c")
        #expect(cleaned == "a2Jb0;tc")
    }

    @Test("Bidi overrides and isolates cannot reorder what the user reads")
    func bidi() {
        let cleaned = sanitizer.sanitize("invoice\u{202E}fdp.exe \u{2066}x\u{2069} \u{202A}y\u{202C}")
        #expect(cleaned == "invoicefdp.exe x y")
    }

    @Test("Tabs expand to the next tab stop")
    func tabs() {
        #expect(TextSanitizer(tabWidth: 4).sanitize("a\tb") == "a   b")
        #expect(TextSanitizer(tabWidth: 4).sanitize("abcd\te") == "abcd    e")
        #expect(TextSanitizer(tabWidth: 4).sanitize("漢\tx") == "漢  x")
    }

    @Test("Newlines are kept only when the caller wants lines")
    func newlines() {
        #expect(TextSanitizer(keepsNewlines: true).sanitize("a\r\nb\nc\rd") == "a\nb\nc\nd")
        #expect(TextSanitizer().sanitize("a\nb") == "a b")
    }

    @Test("Printable text, CJK, emoji and combining marks pass through unchanged")
    func printableKept() {
        let text = "Grüße 漢字 👨\u{200D}👩\u{200D}👧 e\u{301} 🇫🇷"
        #expect(sanitizer.sanitize(text) == text)
    }

    @Test("Nothing that could start an escape sequence survives random control soup")
    func controlSoup() {
        var soup = ""
        for value in UInt32(0)...0x9F { soup.unicodeScalars.append(Unicode.Scalar(value)!) }
        let cleaned = sanitizer.sanitize(soup)
        #expect(cleaned.unicodeScalars.allSatisfy { !TextSanitizer.isUnsafe($0) })
    }
}
