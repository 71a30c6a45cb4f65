import Testing
@testable import Terminal

@Suite("Colors and their downgrade")
struct ColorTests {
    @Test("Theme color values parse as hex, short hex, palette index and names")
    func parsing() {
        #expect(Color(themeValue: "#7aa2f7") == .rgb(0x7A, 0xA2, 0xF7))
        #expect(Color(themeValue: "#fff") == .rgb(255, 255, 255))
        #expect(Color(themeValue: "208") == .indexed(208))
        #expect(Color(themeValue: "bright_blue") == .basic(.brightBlue))
        #expect(Color(themeValue: "red") == .basic(.red))
        #expect(Color(themeValue: "#12345") == nil)
        #expect(Color(themeValue: "#gg0000") == nil)
        #expect(Color(themeValue: "256") == nil)
        #expect(Color(themeValue: "reddish") == nil)
    }

    @Test("Truecolor downgrades to the nearest cube or gray entry of the 256 palette")
    func to256() {
        let cap = ColorCapability.indexed256
        #expect(cap.downgrade(.rgb(255, 0, 0)) == .indexed(196))
        #expect(cap.downgrade(.rgb(0, 0, 0)) == .indexed(16))
        #expect(cap.downgrade(.rgb(128, 128, 128)) == .indexed(244))
        #expect(cap.downgrade(.rgb(0x7A, 0xA2, 0xF7)) == .indexed(111))
        #expect(cap.downgrade(.indexed(42)) == .indexed(42))
    }

    @Test("Colors downgrade to the nearest of the 8 or 16 basic colors")
    func toBasic() {
        #expect(ColorCapability.basic8.downgrade(.rgb(250, 10, 10)) == .basic(.red))
        #expect(ColorCapability.basic16.downgrade(.rgb(255, 255, 80)) == .basic(.brightYellow))
        #expect(ColorCapability.basic8.downgrade(.basic(.brightGreen)) == .basic(.green))
        #expect(ColorCapability.basic16.downgrade(.indexed(9)) == .basic(.brightRed))
        #expect(ColorCapability.basic8.downgrade(.indexed(231)) == .basic(.white))
    }

    @Test("Monochrome drops colors and keeps attributes")
    func monochrome() {
        let style = Style(foreground: .rgb(1, 2, 3), background: .basic(.blue), attributes: [.bold, .underline])
        let plain = style.downgraded(to: .monochrome)
        #expect(plain.foreground == nil && plain.background == nil)
        #expect(plain.attributes == [.bold, .underline])
    }

    @Test("NO_COLOR wins, COLORTERM announces truecolor, terminfo decides the rest")
    func detection() {
        #expect(ColorCapability.detect(environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"], terminfoColors: 256) == .monochrome)
        #expect(ColorCapability.detect(environment: ["NO_COLOR": ""], terminfoColors: 256) == .indexed256)
        #expect(ColorCapability.detect(environment: ["COLORTERM": "truecolor"], terminfoColors: 8) == .trueColor)
        #expect(ColorCapability.detect(environment: ["COLORTERM": "24bit"], terminfoColors: 256) == .trueColor)
        #expect(ColorCapability.detect(environment: [:], terminfoColors: 256) == .indexed256)
        #expect(ColorCapability.detect(environment: [:], terminfoColors: 1 << 24) == .trueColor)
        #expect(ColorCapability.detect(environment: [:], terminfoColors: 16) == .basic16)
        #expect(ColorCapability.detect(environment: [:], terminfoColors: 8) == .basic8)
        #expect(ColorCapability.detect(environment: [:], terminfoColors: 0) == .monochrome)
    }
}
