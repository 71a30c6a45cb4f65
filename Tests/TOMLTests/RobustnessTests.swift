import Testing
import TOML

@Suite("No input stops the process")
struct RobustnessTests {
    @Test("Nesting past the limit is an error, not a stack overflow", arguments: [
        "a = " + String(repeating: "[", count: 100_000),
        "a = " + String(repeating: "{b = ", count: 100_000),
        "a = " + String(repeating: "[{b = ", count: 50_000),
        "[" + String(repeating: "a.", count: 100_000) + "b]",
        String(repeating: "a.", count: 100_000) + "b = 1",
    ])
    func deepNesting(text: String) throws {
        do {
            _ = try TOMLParser.parse(text)
            Issue.record("deep nesting was accepted")
        } catch {
            #expect(error.reason == .tooDeep(limit: TOMLParser.maximumDepth))
            #expect(error.line == 1)
        }
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = TOMLParser.maximumDepth - 1
        let table = try TOMLParser.parse("a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        var value = try #require(table["a"])
        var levels = 1
        while let inner = value.array?.first {
            value = inner
            levels += 1
        }
        #expect(levels == depth)
    }

    @Test func headersCannotNestDeeperThanTheLimitOneAtATime() {
        var text = ""
        var path = "a"
        for _ in 0...TOMLParser.maximumDepth {
            text += "[\(path)]\n"
            path += ".a"
        }
        #expect(throws: TOMLError.self) { try TOMLParser.parse(text) }
    }

    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    @Test func mangledDocumentsAreReadOrRefusedNeverTrapped() {
        let sample = Array("""
            # comment
            title = "TOML \\u00E9"
            [owner]
            dob = 1979-05-27T07:32:00-08:00
            [[products]]
            ports = [ 8000, 0x1F, 0o7, 0b1, 1e3, inf ]
            inline = { a.b = 'x', c = [1, 2] }
            text = \"\"\"
            multi \\
              line\"\"\"
            """.utf8)
        let alphabet = Array("[]{}\"'=#.,\n\r\t \\abcuU019_-+:eEzZT".utf8) + [0x00, 0x7F, 0xC3, 0xA9, 0xD2, 0x89, 0xFF]
        var generator = SeededGenerator(state: 21)
        var refused = 0
        for _ in 0..<2000 {
            var bytes = sample
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                if let byte = alphabet.randomElement(using: &generator) { bytes[index] = byte }
            }
            do {
                _ = try TOMLParser.parse(bytes: bytes)
            } catch {
                refused += 1
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
        #expect(refused > 0)
    }
}
