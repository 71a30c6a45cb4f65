import Testing
@testable import Terminal

@Suite("Decoding terminal input")
struct InputDecoderTests {
    func decode(_ text: String, flush: Bool = true) -> [InputEvent] {
        var decoder = InputDecoder()
        var events = decoder.feed(Array(text.utf8))
        if flush { events += decoder.flush() }
        return events
    }

    func keys(_ events: [InputEvent]) -> [KeyPress] {
        events.compactMap { if case let .key(press) = $0 { press } else { nil } }
    }

    @Test("UTF-8 text arrives as characters, including multi-byte ones")
    func text() {
        #expect(keys(decode("aé漢😀")) == [.character("a"), .character("é"), .character("漢"), .character("😀")])
    }

    @Test("Enter (CR) and Ctrl+J (LF) stay different keys")
    func enterVersusControlJ() {
        #expect(keys(decode("\r\n")) == [KeyPress(.enter), .control("j")])
    }

    @Test("Arrows, Home/End, PgUp/PgDn and Delete decode in CSI and SS3 forms")
    func navigation() {
        let events = decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}OA\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~\u{1B}[5~\u{1B}[6~\u{1B}[3~")
        #expect(keys(events).map(\.key) == [.up, .down, .right, .left, .up, .home, .end, .home, .end, .pageUp, .pageDown, .delete])
    }

    @Test("Function keys F1 to F12 decode")
    func functionKeys() {
        let events = decode("\u{1B}OP\u{1B}OQ\u{1B}OR\u{1B}OS\u{1B}[15~\u{1B}[17~\u{1B}[18~\u{1B}[19~\u{1B}[20~\u{1B}[21~\u{1B}[23~\u{1B}[24~")
        #expect(keys(events).map(\.key) == (1...12).map { Key.function($0) })
    }

    @Test("Modifiers in CSI parameters and Shift+Tab decode")
    func modifiers() {
        #expect(keys(decode("\u{1B}[1;5A")) == [KeyPress(.up, modifiers: .control)])
        #expect(keys(decode("\u{1B}[1;3D")) == [KeyPress(.left, modifiers: .alt)])
        #expect(keys(decode("\u{1B}[Z")) == [KeyPress(.tab, modifiers: .shift)])
    }

    @Test("Ctrl+letter and Alt+letter combinations decode")
    func controlAndAlt() {
        #expect(keys(decode("\u{03}\u{0E}\u{14}")) == [.control("c"), .control("n"), .control("t")])
        #expect(keys(decode("\u{1B}x")) == [KeyPress(.character("x"), modifiers: .alt)])
        #expect(keys(decode("\u{1B}\u{0E}")) == [KeyPress(.character("n"), modifiers: [.alt, .control])])
    }

    @Test("A lone Esc is a key once the pause comes, not before")
    func loneEscape() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.hasPendingInput)
        #expect(keys(decoder.flush()) == [KeyPress(.escape)])
    }

    @Test("An escape sequence split across reads still decodes as one key")
    func splitSequence() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0x1B, UInt8(ascii: "[")]).isEmpty)
        #expect(decoder.feed([UInt8(ascii: "1"), UInt8(ascii: ";")]).isEmpty)
        #expect(keys(decoder.feed([UInt8(ascii: "5"), UInt8(ascii: "B")])) == [KeyPress(.down, modifiers: .control)])
    }

    @Test("SGR mouse reports give wheel and clicks at zero-based cells")
    func mouse() {
        let events = decode("\u{1B}[<64;10;5M\u{1B}[<65;1;1M\u{1B}[<0;3;4M\u{1B}[<0;3;4m")
        #expect(events == [
            .mouse(MouseEvent(action: .wheelUp, x: 9, y: 4)),
            .mouse(MouseEvent(action: .wheelDown, x: 0, y: 0)),
            .mouse(MouseEvent(action: .press(.left), x: 2, y: 3)),
            .mouse(MouseEvent(action: .release(.left), x: 2, y: 3)),
        ])
    }

    @Test("Bracketed paste arrives whole, with its newlines and escapes uninterpreted")
    func bracketedPaste() {
        let events = decode("\u{1B}[200~line one\nline two\u{1B}[A\u{1B}[201~x")
        #expect(events == [.paste("line one\nline two\u{1B}[A"), .key(.character("x"))])
    }

    @Test("A paste whose end marker is split across reads is still one paste")
    func splitPasteEnd() {
        var decoder = InputDecoder()
        var events = decoder.feed(Array("\u{1B}[200~abc\u{1B}[20".utf8))
        #expect(events.isEmpty)
        events += decoder.feed(Array("1~".utf8))
        #expect(events == [.paste("abc")])
    }

    @Test("Invalid UTF-8 becomes U+FFFD and decoding goes on")
    func invalidUTF8() {
        var decoder = InputDecoder()
        let events = decoder.feed([0xFF, 0x41, 0xC3, 0x28, 0xE2, 0x82]) + decoder.flush()
        #expect(keys(events) == [.character("\u{FFFD}"), .character("A"), .character("\u{FFFD}"), .character("("), .character("\u{FFFD}")])
    }

    @Test("Unknown and overlong sequences are dropped without a crash")
    func garbage() {
        let overlong = "\u{1B}[" + String(repeating: "1;", count: 100) + "A" + "z"
        let events = decode(overlong + "\u{1B}[99~" + "q")
        #expect(keys(events).last == .character("q"))
        var decoder = InputDecoder()
        for byte in UInt8.min...UInt8.max { _ = decoder.feed([byte]) }
        _ = decoder.flush()
    }
}
