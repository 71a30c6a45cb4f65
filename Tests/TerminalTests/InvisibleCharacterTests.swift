import Foundation
import Testing
@testable import Terminal

@Suite("Invisible format characters and clipboard text")
struct InvisibleCharacterTests {
    let sanitizer = TextSanitizer()

    @Test(arguments: [0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF, 0x00AD, 0x061C, 0x200E, 0x200F,
                      0x180E, 0x206A, 0xFFF9, 0xE0001, 0xE0020, 0xE0041, 0xE007F])
    func aFormatCharacterBetweenLettersIsRemoved(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(sanitizer.sanitize("pay\(Character(scalar))pal") == "paypal")
        #expect(TextSanitizer(keepsNewlines: true).sanitize("a\(Character(scalar))\nb") == "a\nb")
    }

    @Test func aHiddenTagInstructionDisappearsEntirely() {
        // "ignore" spelled in tag characters after a visible word: invisible on screen, read by a model.
        let hidden = String(String.UnicodeScalarView("ignore".unicodeScalars.map { Unicode.Scalar($0.value + 0xE0000)! }))
        #expect(sanitizer.sanitize("Policy\(hidden)") == "Policy")
    }

    @Test func aJoinerInsideAnEmojiSequenceIsKeptAndOneElsewhereIsNot() {
        let family = "👨\u{200D}👩\u{200D}👧"
        let skinTone = "👩🏽\u{200D}💻"
        let withVS16 = "🏳\u{FE0F}\u{200D}🌈"
        for emoji in [family, skinTone, withVS16] {
            #expect(sanitizer.sanitize("a \(emoji) b") == "a \(emoji) b")
        }
        #expect(sanitizer.sanitize("a\u{200D}b") == "ab")
        #expect(sanitizer.sanitize("👨\u{200D}b") == "👨b")
        #expect(sanitizer.sanitize("a\u{200D}👩") == "a👩")
        #expect(sanitizer.sanitize("\u{200D}\u{200D}👩") == "👩")
    }

    @Test func noControlOrFormatCharacterSurvivesAnyPosition() {
        var text = ""
        for value in Array(0x00...0xA0) + Array(0x2000...0x206F) + [0xFEFF, 0xE0001] + Array(0xE0020...0xE007F) {
            text += "x" + String(Character(Unicode.Scalar(UInt32(value))!))
        }
        for cleaned in [sanitizer.sanitize(text), TextSanitizer(keepsNewlines: true).sanitize(text)] {
            for scalar in cleaned.unicodeScalars where scalar != "\n" {
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value), "U+\(String(scalar.value, radix: 16))")
                #expect(scalar.properties.generalCategory != .format, "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    @Test func aCopiedPassageCannotEndABracketedPasteOrCarryEscapes() {
        let passage = "line one\r\n\tindented\u{1B}[201~rm -rf ~\n\u{1B}]52;c;ZXZpbA==\u{07}\u{9B}31m\u{202E}end\u{200B}"
        let copied = sanitizer.clipboardText(passage)
        #expect(copied.text == "line one\n\tindented[201~rm -rf ~\n]52;c;ZXZpbA==31mend")
        #expect(!copied.isTruncated)
    }

    @Test func aLongCopyIsCutAtTheLimitOnACharacterBoundaryAndSaysSo() {
        let text = String(repeating: "é漢a", count: 30_000)  // 6 bytes each: 180,000 bytes
        let copied = sanitizer.clipboardText(text)
        #expect(copied.isTruncated)
        #expect(copied.text.utf8.count <= TextSanitizer.clipboardByteLimit)
        #expect(copied.text.utf8.count > TextSanitizer.clipboardByteLimit - 4)
        #expect(text.hasPrefix(copied.text))
        let short = sanitizer.clipboardText("a\nb", byteLimit: 3)
        #expect(short == ClipboardText(text: "a\nb", isTruncated: false))
        #expect(sanitizer.clipboardText("a\nbc", byteLimit: 3) == ClipboardText(text: "a\nb", isTruncated: true))
    }
}

@Suite("JSON for terminals")
struct JSONEscapingTests {
    @Test func c1BidiAndLineSeparatorsBecomeEscapesWithTheSameValue() throws {
        let value = "a\u{9B}31m\u{9D}0;t\u{202E}x\u{2066}\u{200E}\u{061C}\u{2028}\u{2029}\u{200B}\u{E0041}\u{7F}é漢😀"
        let json = #"{"title":"\#(value)"}"#
        let escaped = TextSanitizer.escapingInvisibleCharacters(inJSON: json)
        #expect(escaped == #"{"title":"a\u009b31m\u009d0;t\u202ex\u2066\u200e\u061c\u2028\u2029\u200b\udb40\udc41\u007fé漢😀"}"#)
        #expect(escaped.unicodeScalars.allSatisfy { $0.value < 0x7F || ($0.value > 0x9F && $0.properties.generalCategory != .format) })
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(escaped.utf8))
        #expect(decoded["title"] == value)
    }

    @Test func plainJSONIsUnchanged() {
        let json = #"{"a":["é","漢 字",1,null]}"#
        #expect(TextSanitizer.escapingInvisibleCharacters(inJSON: json) == json)
    }
}
