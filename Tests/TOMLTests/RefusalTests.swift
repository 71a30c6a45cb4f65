import Testing
import TOML

@Suite("Refusing invalid TOML with its place")
struct RefusalTests {
    func refusal(_ text: String) -> TOMLError? {
        do {
            _ = try TOMLParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    func refusal(bytes: [UInt8]) -> TOMLError? {
        do {
            _ = try TOMLParser.parse(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func theBytesThatAbortedTOMLKitAreAnErrorAtTheirColumn() throws {
        let error = try #require(refusal(bytes: [0x5B, 0xD2, 0x89]))
        #expect(error.line == 1 && error.column == 2)
        #expect(error.message.contains("table name"))
    }

    @Test("Table headers that crashed toml++ are errors", arguments: ["[", "[.", "[..]", "[=aws]", "[[=tenants]]", "[é]", "[a", "[[a]"])
    func headersThatCrashedTOMLKit(header: String) throws {
        let error = try #require(refusal("a = 1\n\(header)\n"))
        #expect(error.line == 2)
    }

    @Test func redefinitionsAreRefusedWhereTheSecondDefinitionIs() throws {
        let cases: [(String, Int, String)] = [
            ("a = 1\na = 2", 2, "defined twice"),
            ("[t]\n[t]", 2, "defined twice"),
            ("[t]\nx.y = 1\n[t.x]", 3, "defined twice"),
            ("t = { x = 1 }\n[t]", 2, "inline table"),
            ("t = { x = 1 }\nt.y = 2", 2, "inline table"),
            ("a = [1]\n[[a]]", 2, "inline table or array"),
            ("[[a]]\n[a]", 2, "defined twice"),
            ("[a.b]\nz = 1\n[a]\nb.y = 2", 4, "defined twice"),
            ("a.b = 1\n[a]", 2, "defined twice"),
            ("x = { a = 1, a = 2 }", 1, "defined twice"),
        ]
        for (text, line, words) in cases {
            let error = try #require(refusal(text), "\(text) was accepted")
            #expect(error.line == line, "\(text): \(error)")
            #expect(error.message.contains(words), "\(text): \(error)")
        }
    }

    @Test func numbersOutsideTheGrammarOrTheRangeAreRefused() {
        for text in ["v = 9223372036854775808", "v = -9223372036854775809", "v = 0x1_0000_0000_0000_0000",
                     "v = 01", "v = 1__0", "v = _1", "v = 1_", "v = +0x10", "v = 1.", "v = .5", "v = 1e", "v = 1.e5",
                     "v = 0b2", "v = 0o8", "v = +nanx", "v = 1.5.3", "v = 99999999999999999999999999999"] {
            #expect(refusal(text) != nil, "\(text) was accepted")
        }
        #expect(refusal("v = 9223372036854775808")?.message.contains("64-bit") == true)
    }

    @Test func impossibleDatesAndTimesAreRefused() {
        for text in ["v = 2023-02-29", "v = 2024-13-01", "v = 2024-04-31", "v = 24:00:00", "v = 12:60:00",
                     "v = 12:00:61", "v = 12:00", "v = 2024-01-01T", "v = 2024-01-01T00:00:00+24:00", "v = 2024-1-01"] {
            #expect(refusal(text) != nil, "\(text) was accepted")
        }
    }

    @Test func badStringsAreRefused() {
        for text in [#"v = "\x41""#, #"v = "\uD800""#, #"v = "\U00110000""#, #"v = "\u12""#, "v = \"open", "v = 'open",
                     "v = \"\"\"\"\"\"\"\"\"", "v = \"line\nbreak\"", "v = \"\"\"a \\ b\"\"\"", "v = \"\u{7F}\""] {
            #expect(refusal(text) != nil, "\(text) was accepted")
        }
    }

    @Test func invalidUTF8AndControlCharactersAreRefusedWithTheirPosition() throws {
        let utf8 = try #require(refusal(bytes: Array("a = 1\nb = \"x".utf8) + [0xC0, 0xAF, 0x22]))
        #expect(utf8.reason == .invalidUTF8)
        #expect(utf8.line == 2 && utf8.column == 7)
        let control = try #require(refusal("a = 1 # bell \u{07}"))
        #expect(control.reason == .controlCharacter(7))
        #expect(refusal("a = 1\rb = 2") != nil)
        #expect(refusal(bytes: Array("a = \"\u{0}\"".utf8)) != nil)
    }

    @Test func inlineTablesStayOnOneLineWithoutATrailingComma() {
        #expect(refusal("t = { a = 1,\n b = 2 }") != nil)
        #expect(refusal("t = { a = 1, }") != nil)
    }

    @Test func errorsReadAsLineColumnAndWords() throws {
        let error = try #require(refusal("[server]\nport = 80 80"))
        #expect(error.description == "line 2, column 11: expected a line break or a comment after the value, found `8`")
    }
}

@Suite("Byte-order marks")
struct ByteOrderMarkTests {
    @Test func fileBytesMayStartWithOneByteOrderMark() throws {
        #expect(try TOMLParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("a = 1".utf8))["a"]?.integer == 1)
        #expect(throws: TOMLError.self) { try TOMLParser.parse(bytes: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("a = 1".utf8)) }
    }

    /// Foundation removes the mark when it decodes a file, so one left in a String is a second one.
    @Test func decodedTextMayNotStartWithOne() {
        #expect(throws: TOMLError.self) { try TOMLParser.parse("\u{FEFF}a = 1") }
    }
}
