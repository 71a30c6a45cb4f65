import Foundation
import Testing
@testable import AppUI
import Terminal

/// Text snapshots: the screen as the user would read it. Set QSEEK_RECORD_SNAPSHOTS=1 to
/// rewrite them after an intended change, then review the diff.
@Suite("Theme preview on screen")
struct ThemePreviewSnapshotTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    func render(_ name: String, size: Size) -> MemoryBackend {
        let backend = MemoryBackend(size: size)
        var canvas = Canvas(size: size)
        let theme = ThemeCatalog.builtin.theme(named: name).theme.adapted(to: .monochrome)
        ThemePreviewView(theme: theme).draw(into: &canvas)
        backend.present(canvas)
        return backend
    }

    func assertSnapshot(_ text: String, named name: String) throws {
        let file = Self.snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["QSEEK_RECORD_SNAPSHOTS"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let stored = try String(contentsOf: file, encoding: .utf8)
        #expect(text == stored, "snapshot \(name) differs; actual:\n\(text)")
    }

    @Test("The high-contrast preview at 80×24 matches its snapshot")
    func preview80x24() throws {
        try assertSnapshot(render("high-contrast", size: Size(width: 80, height: 24)).text + "\n", named: "theme-preview-high-contrast-80x24.txt")
    }

    @Test("Every row of the preview is exactly as wide as the screen, CJK and emoji included")
    func straightBorders() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 41, height: 17)] {
            let backend = render("midnight", size: size)
            for line in backend.lines {
                #expect(DisplayWidth.of(line) == size.width, "\(line)")
            }
            let boxed = backend.lines.filter { $0.hasPrefix("│") }
            #expect(!boxed.isEmpty)
            #expect(boxed.allSatisfy { $0.hasSuffix("│") })
        }
    }

    @Test("A 20×5 terminal gets what fits and no crash")
    func tinyTerminal() {
        let backend = render("midnight", size: Size(width: 20, height: 5))
        #expect(backend.lines.count == 5)
        #expect(backend.lines.allSatisfy { DisplayWidth.of($0) == 20 })
    }
}
