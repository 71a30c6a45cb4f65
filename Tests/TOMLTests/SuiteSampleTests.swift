import Testing
import TOML

/// A few cases from toml-lang/toml-test (MIT), copied here so the unit tests stand alone;
/// Interop/toml-test/run.sh runs all of them.
@Suite("Cases from the official toml-test suite")
struct SuiteSampleTests {
    @Test("Invalid cases that crashed a theme or tenants file are refused", arguments: [
        "[\n",                                                    // invalid/key/single-open-bracket
        "[.]\n",                                                  // invalid/table/dot
        "[..]\n",                                                 // invalid/table/dotdot
        "[!]\n",                                                  // invalid/table/bare-invalid-character-01
        "[\"\"a]\n",                                              // invalid/table/no-close-04 (shape)
        "[fruit]\ntype = \"apple\"\n[fruit.type]\napple = \"yes\"\n", // invalid/spec-1.0.0/table-9-0
    ])
    func invalidCase(text: String) {
        #expect(throws: TOMLError.self) { try TOMLParser.parse(text) }
    }

    @Test func theSpecExampleReadsToItsValues() throws {
        let table = try TOMLParser.parse("""
            # This is a TOML document.

            title = "TOML Example"

            [owner]
            name = "Tom Preston-Werner"
            dob = 1979-05-27T07:32:00-08:00 # First class dates

            [database]
            ports = [ 8000, 8001, 8002 ]
            data = [ ["delta", "phi"], [3.14] ]
            temp_targets = { cpu = 79.5, case = 72.0 }

            [servers]

              [servers.alpha]
              ip = "10.0.0.1"
            """)
        #expect(table["title"]?.string == "TOML Example")
        #expect(table["owner"]?.table?["dob"]?.kind == .offsetDateTime(
            TOMLDate(year: 1979, month: 5, day: 27), TOMLTime(hour: 7, minute: 32, second: 0), offsetMinutes: -480))
        #expect(table["database"]?.table?["ports"]?.array?.compactMap(\.integer) == [8000, 8001, 8002])
        #expect(table["database"]?.table?["data"]?.array?.last?.array?.first?.float == 3.14)
        #expect(table["database"]?.table?["temp_targets"]?.table?.keys == ["cpu", "case"])
        #expect(table["servers"]?.table?["alpha"]?.table?["ip"]?.string == "10.0.0.1")
        #expect(table["servers"]?.table?["alpha"]?.line == 16)
    }
}
