import Testing
@testable import Terminal

@Suite("Canvas drawing and clipping")
struct CanvasTests {
    func text(_ canvas: Canvas) -> [String] {
        let backend = MemoryBackend(size: canvas.size)
        backend.present(canvas)
        return backend.lines
    }

    @Test("Drawing inside a clip region never touches cells outside it")
    func clipping() {
        var canvas = Canvas(size: Size(width: 10, height: 3))
        canvas.clipped(to: Rect(x: 2, y: 1, width: 4, height: 1)) { canvas in
            canvas.write("abcdefgh", x: 0, y: 1, style: .plain)
            canvas.write("zzzz", x: 2, y: 0, style: .plain)
            canvas.fill(Rect(x: 0, y: 0, width: 10, height: 3), style: Style(attributes: .bold))
        }
        #expect(text(canvas)[0] == "          ")
        #expect(text(canvas)[2] == "          ")
        #expect(canvas[1, 1].style == .plain)
        #expect(canvas[2, 1].style.attributes.contains(.bold))
        #expect(canvas[6, 1].style == .plain)
    }

    @Test("Writing past the clip's edge ends in an ellipsis")
    func ellipsisAtEdge() {
        var canvas = Canvas(size: Size(width: 8, height: 1))
        canvas.write("hello world", x: 0, y: 0, style: .plain)
        #expect(text(canvas) == ["hello w…"])
    }

    @Test("A wide character that would straddle the right edge becomes a space")
    func wideAtEdge() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        canvas.clipped(to: Rect(x: 0, y: 0, width: 3, height: 1)) { canvas in
            canvas.put("a", x: 0, y: 0, style: .plain)
            canvas.put("b", x: 1, y: 0, style: .plain)
            canvas.put("漢", x: 2, y: 0, style: .plain)
        }
        canvas.put("|", x: 3, y: 0, style: .plain)
        #expect(text(canvas) == ["ab | "])
    }

    @Test("A box keeps its right border straight around CJK and emoji")
    func boxWithWideText() {
        var canvas = Canvas(size: Size(width: 12, height: 4))
        let inside = canvas.drawBox(Rect(x: 0, y: 0, width: 12, height: 4), style: .plain, title: "漢字タイトル長い")
        canvas.clipped(to: inside) { canvas in
            canvas.write("漢字😀漢字漢字", x: inside.x, y: inside.y, style: .plain)
            canvas.write("ok", x: inside.x, y: inside.y + 1, style: .plain)
        }
        let lines = text(canvas)
        #expect(lines.allSatisfy { DisplayWidth.of($0) == 12 })
        #expect(lines[1].hasSuffix("│"))
        #expect(lines[1] == "│漢字😀漢… │")
        #expect(lines[0].hasPrefix("╭ 漢字"))
        #expect(lines[3] == "╰──────────╯")
    }

    @Test("Overwriting half of a wide character blanks the other half")
    func overwriteHalf() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.put("漢", x: 0, y: 0, style: .plain)
        canvas.put("x", x: 1, y: 0, style: .plain)
        #expect(text(canvas) == [" x  "])
        canvas.put("字", x: 2, y: 0, style: .plain)
        canvas.put("y", x: 2, y: 0, style: .plain)
        #expect(text(canvas) == [" xy "])
    }

    @Test("Drawing on a canvas smaller than the layout does not crash")
    func tinyCanvas() {
        var canvas = Canvas(size: Size(width: 1, height: 1))
        canvas.drawBox(Rect(x: 0, y: 0, width: 20, height: 5), style: .plain, title: "title")
        canvas.write("漢字", x: 0, y: 0, style: .plain)
        canvas.writeWrapped("some long text", in: Rect(x: -3, y: -2, width: 30, height: 10), style: .plain)
        var empty = Canvas(size: Size(width: 0, height: 0))
        empty.write("x", x: 0, y: 0, style: .plain)
        #expect(canvas.size == Size(width: 1, height: 1))
    }
}
