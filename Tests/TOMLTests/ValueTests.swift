import Testing
import TOML

@Suite("Reading TOML values")
struct ValueTests {
    func value(_ text: String, _ key: String = "v") throws -> TOMLValue {
        try #require(try TOMLParser.parse(text)[key])
    }

    @Test func everyStringKindReadsToItsText() throws {
        #expect(try value(#"v = "tab\there \"q\" \\ \u00E9 \U0001F600""#).string == "tab\there \"q\" \\ é 😀")
        #expect(try value(#"v = 'C:\no\escapes'"#).string == #"C:\no\escapes"#)
        #expect(try value("v = \"\"\"\nfirst\nsecond\"\"\"").string == "first\nsecond")
        #expect(try value("v = \"\"\"one \\\n     two\"\"\"").string == "one two")
        #expect(try value("v = '''\nraw \\n\n'''").string == "raw \\n\n")
        #expect(try value("v = \"\"\"\"\"quoted\"\"\"\"\"").string == "\"\"quoted\"\"")
    }

    @Test func integersInEveryBaseAndAtBothEndsOfTheRange() throws {
        #expect(try value("v = 1_000").integer == 1000)
        #expect(try value("v = -17").integer == -17)
        #expect(try value("v = 0xdead_BEEF").integer == 0xDEAD_BEEF)
        #expect(try value("v = 0o755").integer == 0o755)
        #expect(try value("v = 0b1101").integer == 13)
        #expect(try value("v = 9223372036854775807").integer == Int64.max)
        #expect(try value("v = -9223372036854775808").integer == Int64.min)
    }

    @Test func floatsIncludingInfinityAndNaN() throws {
        #expect(try value("v = 6.626e-34").float == 6.626e-34)
        #expect(try value("v = -0.5E+2").float == -50)
        #expect(try value("v = 1_0.0_1").float == 10.01)
        #expect(try value("v = -inf").float == -.infinity)
        #expect(try value("v = nan").float?.isNaN == true)
    }

    @Test func datesAndTimesKeepEveryField() throws {
        let offset = try value("v = 1979-05-27T00:32:00.999999-07:00")
        #expect(offset.kind == .offsetDateTime(TOMLDate(year: 1979, month: 5, day: 27),
                                               TOMLTime(hour: 0, minute: 32, second: 0, fraction: "999999"), offsetMinutes: -420))
        #expect(try value("v = 1979-05-27 07:32:00").kind == .localDateTime(TOMLDate(year: 1979, month: 5, day: 27), TOMLTime(hour: 7, minute: 32, second: 0)))
        #expect(try value("v = 2024-02-29").kind == .localDate(TOMLDate(year: 2024, month: 2, day: 29)))
        #expect(try value("v = 23:59:60").kind == .localTime(TOMLTime(hour: 23, minute: 59, second: 60)))
    }

    @Test func keysKeepDocumentOrderAndValuesTheirLines() throws {
        let table = try TOMLParser.parse("""
            zebra = 1
            apple = 2

            [mango]
            kiwi = [
              1,
              2,
            ]
            "quoted key" = { inner.deep = true }
            """)
        #expect(table.keys == ["zebra", "apple", "mango"])
        #expect(table["apple"]?.line == 2)
        #expect(table["mango"]?.line == 4)
        let mango = try #require(table["mango"]?.table)
        #expect(mango.keys == ["kiwi", "quoted key"])
        #expect(mango["kiwi"]?.line == 5)
        #expect(mango["quoted key"]?.line == 9)
        #expect(mango["quoted key"]?.table?["inner"]?.table?["deep"]?.boolean == true)
    }

    @Test func arraysOfTablesCollectOneTablePerHeader() throws {
        let table = try TOMLParser.parse("""
            [[fruit]]
            name = "apple"
            [fruit.physical]
            color = "red"
            [[fruit.variety]]
            name = "red delicious"

            [[fruit]]
            name = "banana"
            """)
        let fruit = try #require(table["fruit"]?.array)
        #expect(fruit.map { $0.table?["name"]?.string } == ["apple", "banana"])
        #expect(fruit.map(\.line) == [1, 8])
        #expect(fruit[0].table?["physical"]?.table?["color"]?.string == "red")
        #expect(fruit[0].table?["variety"]?.array?.count == 1)
    }

    @Test func dottedKeysAndSubTablesMayExtendWhatTheSpecAllows() throws {
        let table = try TOMLParser.parse("""
            [fruit]
            apple.color = "red"
            apple.taste.sweet = true
            [fruit.apple.texture]
            smooth = true
            [x.y.z]
            [x]
            """)
        #expect(table["fruit"]?.table?["apple"]?.table?.keys == ["color", "taste", "texture"])
        #expect(table["x"]?.table?["y"]?.table?["z"]?.table?.isEmpty == true)
    }
}
