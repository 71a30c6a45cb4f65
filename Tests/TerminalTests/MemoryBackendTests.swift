import Testing
@testable import Terminal

@Suite("The in-memory backend")
struct MemoryBackendTests {
    @Test("It counts only the cells a frame changed")
    func changedCells() {
        let backend = MemoryBackend(size: Size(width: 4, height: 2))
        var canvas = Canvas(size: backend.size)
        canvas.write("ab", x: 0, y: 0, style: .plain)
        backend.present(canvas)
        #expect(backend.cellsChangedByLastFrame == 2)
        canvas.write("x", x: 3, y: 1, style: .plain)
        backend.present(canvas)
        #expect(backend.cellsChangedByLastFrame == 1)
        backend.present(canvas)
        #expect(backend.cellsChangedByLastFrame == 0)
    }

    @Test("Its text form skips the continuation half of wide cells")
    func textForm() {
        let backend = MemoryBackend(size: Size(width: 6, height: 1))
        var canvas = Canvas(size: backend.size)
        canvas.write("漢a😀", x: 0, y: 0, style: .plain)
        backend.present(canvas)
        #expect(backend.lines == ["漢a😀 "])
        #expect(backend.text == "漢a😀")
    }

    @Test("Queued input and resizes come back in order")
    func queuedInput() {
        let backend = MemoryBackend(size: Size(width: 10, height: 5))
        backend.enqueue(.key(.character("a")))
        backend.resize(to: Size(width: 20, height: 5))
        #expect(backend.nextEvent(timeout: nil) == .key(.character("a")))
        #expect(backend.nextEvent(timeout: nil) == .resize(Size(width: 20, height: 5)))
        #expect(backend.nextEvent(timeout: .zero) == nil)
        #expect(backend.size.width == 20)
    }
}
