import AppCore
import Foundation
import Testing
@testable import AppUI
import Terminal

/// Every screen at 80×24 and 120×40, monochrome (as with NO_COLOR), as text snapshots.
/// QSEEK_RECORD_SNAPSHOTS=1 rewrites them; review the diff.
@Suite("Screens as the user sees them")
struct ScreenSnapshotTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    func render(_ state: AppState, size: Size) -> MemoryBackend {
        let backend = MemoryBackend(size: size)
        var canvas = Canvas(size: size)
        let theme = ThemeCatalog.builtin.theme(named: "midnight").theme.adapted(to: .monochrome)
        AppView(state: state, theme: theme).draw(into: &canvas)
        backend.present(canvas)
        return backend
    }

    func check(_ state: AppState, named name: String) throws {
        for size in Self.sizes {
            let backend = render(state, size: size)
            for line in backend.lines {
                #expect(DisplayWidth.of(line) == size.width, "\(name): a row is not \(size.width) cells: \(line)")
            }
            let file = Self.snapshots.appendingPathComponent("\(name)-\(size.width)x\(size.height).txt")
            let text = backend.text + "\n"
            if ProcessInfo.processInfo.environment["QSEEK_RECORD_SNAPSHOTS"] == "1" {
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
            let stored = try String(contentsOf: file, encoding: .utf8)
            #expect(text == stored, "snapshot \(name) at \(size.width)x\(size.height) differs; actual:\n\(text)")
        }
    }

    @Test("Sign-in lists the demo users, the browser and the device code")
    func signIn() throws { try check(ScreenFixtures.signIn(), named: "sign-in") }

    @Test("Device sign-in shows the code large with the verification URL")
    func deviceCode() throws { try check(ScreenFixtures.deviceCode(), named: "sign-in-device") }

    @Test("The tenant picker shows the exchange's steps as they complete")
    func tenantPicker() throws { try check(ScreenFixtures.tenantPicker(), named: "tenant-picker") }

    @Test("A failed exchange names its step and the cause")
    func tenantPickerFailure() throws { try check(ScreenFixtures.tenantPicker(failing: true), named: "tenant-picker-failed") }

    @Test("Over SSH, an Identity Center sign-in shows its URL and the port to forward")
    func identityCenterSignInOverSSH() throws {
        try check(ScreenFixtures.identityCenterSignInOverSSH(), named: "tenant-picker-idc-ssh")
        let screen = render(ScreenFixtures.identityCenterSignInOverSSH(), size: Size(width: 120, height: 40)).text
        #expect(screen.contains("ssh -L 47311:127.0.0.1:47311"))
    }

    @Test("The main screen shows chat, passages and the prompt (tabs below 100 columns)")
    func main() throws { try check(ScreenFixtures.main(), named: "main") }

    @Test("While pages stream in the passages pane says so")
    func mainSearching() throws { try check(ScreenFixtures.main(count: 3, searching: true), named: "main-searching") }

    @Test("An expanded passage shows its text and attributes")
    func expanded() throws {
        var state = ScreenFixtures.main()
        _ = update(&state, .focus(.passages))
        _ = update(&state, .toggleExpanded)
        try check(state, named: "main-expanded")
    }

    @Test("The help overlay lists the keys")
    func help() throws {
        var state = ScreenFixtures.main()
        _ = update(&state, .toggleHelp)
        try check(state, named: "help")
    }

    @Test("A filter error points at the term under the input")
    func filterError() throws {
        var state = ScreenFixtures.main()
        _ = update(&state, .typeText("rotate keys @after=2024-13-01"))
        _ = update(&state, .confirm)
        try check(state, named: "main-filter-error")
    }

    @Test("Escape sequences, C1 controls and U+202E in a passage are displayed inertly")
    func hostilePassage() {
        var state = ScreenFixtures.main(hostile: true)
        _ = update(&state, .focus(.passages))
        _ = update(&state, .selectNext)
        _ = update(&state, .toggleExpanded)
        for size in Self.sizes {
            let backend = render(state, size: size)
            for cell in backend.screen.cells {
                for scalar in cell.grapheme.unicodeScalars {
                    #expect(!(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x202E),
                            "a control U+\(String(scalar.value, radix: 16)) reached the screen")
                }
            }
            #expect(backend.text.contains("[2J"))  // shown as text, harmless
        }
    }

    @Test("An answer streams into the chat: finished Markdown blocks styled, citations marked, the last block plain")
    func answered() throws { try check(ScreenFixtures.answered(), named: "main-answered") }

    @Test("A finished answer shows its model, latency and token usage")
    func answerFinished() throws { try check(ScreenFixtures.answerFinished(), named: "main-answer-finished") }

    @Test("Citations use the citation role, and the selected one the selection role")
    func citationStyles() {
        let state = ScreenFixtures.answerFinished()
        let backend = render(state, size: Size(width: 120, height: 40))
        let theme = ThemeCatalog.builtin.theme(named: "midnight").theme.adapted(to: .monochrome)
        // The chat pane is the left column at 120×40; its `[` cells carry the citation styles.
        var citationStyles: [String: Style] = [:]
        for y in 0..<40 {
            for x in 0..<44 where backend.screen[x, y].grapheme == "[" {
                let number = backend.screen[x + 1, y].grapheme
                if backend.screen[x + 2, y].grapheme == "]" { citationStyles["\(number)@\(x),\(y)"] = backend.screen[x, y].style }
            }
        }
        let styles = Array(citationStyles.values)
        #expect(styles.contains(theme[.citation]))
        #expect(citationStyles.contains { $0.key.hasPrefix("2@") && $0.value == theme[.selection] })
        #expect(!citationStyles.contains { $0.key.hasPrefix("1@") && $0.value == theme[.selection] })
    }

    @Test("The history screen lists past conversations, newest first")
    func history() throws { try check(ScreenFixtures.history(), named: "history") }

    @Test("Tiny terminals get what fits and no crash")
    func tiny() {
        for state in [ScreenFixtures.signIn(), ScreenFixtures.tenantPicker(), ScreenFixtures.main(), ScreenFixtures.answered(),
                      ScreenFixtures.history()] {
            for size in [Size(width: 20, height: 5), Size(width: 1, height: 1), Size(width: 60, height: 20)] {
                let backend = render(state, size: size)
                // Every row fills the terminal exactly (a wide character cut at the edge would not),
                // and from 20×5 up the user sees something rather than a blank screen.
                for line in backend.lines {
                    #expect(DisplayWidth.of(line) == size.width, "a row is not \(size.width) cells at \(size.width)×\(size.height): \(line)")
                }
                if size.width >= 20 {
                    #expect(backend.text.contains { !$0.isWhitespace }, "nothing drawn at \(size.width)×\(size.height)")
                }
            }
        }
    }
}
