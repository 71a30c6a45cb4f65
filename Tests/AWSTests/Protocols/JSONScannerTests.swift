import Foundation
import TestSupport
import Testing
@testable import AWS

/// `QBusiness.decodePage` scans pages itself and leaves anything odd to `JSONDecoder`. Varied,
/// awkward and broken documents go through both; the caller must never tell them apart, and
/// what the scanner accepts, `JSONSerialization` must read to the same text.
struct JSONScannerTests {
    typealias Random = SplitMix64

    static func jsonDecoder(_ body: [UInt8]) -> Result<SearchRelevantContentPage, ResponseDecodingError> {
        Result { () throws(ResponseDecodingError) in try RestJSON.decode(SearchRelevantContentPage.self, from: body) }
    }

    static func decodePage(_ body: [UInt8]) -> Result<SearchRelevantContentPage, ResponseDecodingError> {
        Result { () throws(ResponseDecodingError) in try QBusiness.decodePage(body) }
    }

    /// Text with what a string can hold: escapes of every kind, non-ASCII, astral characters.
    static let pieces = ["plain words ", #"\""#, #"\\"#, #"\/"#, #"\b\f\n\r\t"#, #"\u00e9"#, #"\u20AC"#, #"\ud83d\ude00"#,
                         "é", "€", "😀", "\u{301}", #"\u0000"#, #"tab\there"#, "0123456789abcdef0123456789"]

    static func randomText(using random: inout Random) -> String {
        (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    static func randomUnknownValue(using random: inout Random, depth: Int = 0) -> String {
        switch Int.random(in: 0..<(depth > 2 ? 5 : 7), using: &random) {
        case 0: return "null"
        case 1: return Bool.random(using: &random) ? "true" : "false"
        case 2: return ["0", "-1", "3.25", "-0.5e+3", "1E9", "12345678901234567890"].randomElement(using: &random)!
        case 3, 4: return "\"\(randomText(using: &random))\""
        case 5: return "[" + (0..<Int.random(in: 0...3, using: &random)).map { _ in randomUnknownValue(using: &random, depth: depth + 1) }
            .joined(separator: ",") + "]"
        default: return "{" + (0..<Int.random(in: 0...3, using: &random)).map { index in
            "\"k\(index)\" : \(randomUnknownValue(using: &random, depth: depth + 1))"
        }.joined(separator: " ,") + "}"
        }
    }

    static func randomAttributeValue(using random: inout Random) -> String {
        var members = [
            #""stringValue":"\#(randomText(using: &random))""#, #""stringListValue":["a","\#(randomText(using: &random))"]"#,
            #""longValue":\#(["42", "-9223372036854775808", "7.0", "1e2", "\"x\""].randomElement(using: &random)!)"#,
            #""dateValue":\#(["1704067200", "1.7e9", "1704067200.25", "\"t\""].randomElement(using: &random)!)"#,
            #""stringValue":null"#, #""other":\#(randomUnknownValue(using: &random))"#,
        ].filter { _ in Int.random(in: 0..<3, using: &random) == 0 }
        members.shuffle(using: &random)
        return "{" + members.joined(separator: ",") + "}"
    }

    static func randomPassage(using random: inout Random) -> String {
        var members = [
            #""content":"\#(randomText(using: &random))""#, #""documentId":"doc-\#(Int.random(in: 0...999, using: &random))""#,
            #""documentTitle":\#(Bool.random(using: &random) ? "null" : "\"\(randomText(using: &random))\"")"#,
            #""documentUri":"https:\/\/wiki.example\/a b""#,
            #""documentAttributes":[{"name":"_category","value":\#(randomAttributeValue(using: &random))}]"#,
            #""scoreAttributes":{"scoreConfidence":"\#(["HIGH", "LOW", "VERY_HIGH", "NEW_ONE"].randomElement(using: &random)!)"}"#,
            #""unknown":\#(randomUnknownValue(using: &random))"#,
        ].filter { _ in Int.random(in: 0..<5, using: &random) > 0 }
        members.shuffle(using: &random)
        let space = [" ", "", "\n\t", "\r\n "].randomElement(using: &random)!
        return "{" + space + members.joined(separator: "," + space) + space + "}"
    }

    static func randomPage(using random: inout Random) -> String {
        let passages = (0..<Int.random(in: 0...4, using: &random)).map { _ in randomPassage(using: &random) }
        var members = [#""relevantContent":[\#(passages.joined(separator: ","))]"#]
        if Bool.random(using: &random) { members.append(#""nextToken":"\#(randomText(using: &random))""#) }
        if Bool.random(using: &random) { members.append(#""$metadata":\#(randomUnknownValue(using: &random))"#) }
        members.shuffle(using: &random)
        return " {" + members.joined(separator: ",") + "} "
    }

    @Test func variedPagesDecodeAsJSONDecoderDecodesThem() {
        var random = Random(seed: 42)
        var scanned = 0
        let cases = RandomisedCases.count(full: 3_000)
        for _ in 0..<cases {
            let body = Array(Self.randomPage(using: &random).utf8)
            #expect(Self.decodePage(body) == Self.jsonDecoder(body), "\(String(decoding: body, as: UTF8.self))")
            if SearchRelevantContentPage.scanning(body) != nil { scanned += 1 }
        }
        // Many pages (about half) must really take the scanner's path, or this test compares
        // JSONDecoder with itself.
        #expect(scanned > cases * 2 / 5, "only \(scanned) of \(cases) pages were scanned")
    }

    @Test func stringsReadAsJSONSerializationReadsThem() throws {
        var random = Random(seed: 8_259)
        for _ in 0..<RandomisedCases.count(full: 3_000) {
            let text = Self.randomText(using: &random)
            let body = Array(#"{"relevantContent":[{"content":"\#(text)"}],"nextToken":"\#(text)"}"#.utf8)
            let page = try #require(SearchRelevantContentPage.scanning(body), "\(text)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
            #expect(page.nextToken == object["nextToken"] as? String)
            let passage = try #require((object["relevantContent"] as? [[String: Any]])?.first)
            #expect(page.relevantContent.first?.content == passage["content"] as? String)
        }
    }

    @Test func theBenchmarkPageIsScannedNotHandedToJSONDecoder() throws {
        let body = Array(Self.benchmarkLikePage.utf8)
        let page = try #require(SearchRelevantContentPage.scanning(body))
        #expect(page.relevantContent.count == 3)
        #expect(page == (try Self.jsonDecoder(body).get()))
        #expect(page.relevantContent[2].documentAttributes == [
            DocumentAttribute(name: "_category", value: .string("planning")),
            DocumentAttribute(name: "_created_at", value: .date(Date(timeIntervalSince1970: 1_704_067_200))),
        ])
    }

    static let benchmarkLikePage = #"{"relevantContent":["# + (1...3).map { index in
        #"{"content":"Quarterly planning starts six weeks before the quarter.","documentId":"doc-\#(index)","#
            + #""documentTitle":"Planning handbook part \#(index)","documentUri":"https://wiki.acme.example/planning/\#(index)","#
            + #""documentAttributes":[{"name":"_category","value":{"stringValue":"planning"}},"#
            + #"{"name":"_created_at","value":{"dateValue":1704067200}}],"scoreAttributes":{"scoreConfidence":"HIGH"}}"#
    }.joined(separator: ",") + #"],"nextToken":"page-2"}"#

    @Test func brokenAndTruncatedPagesFailAsJSONDecoderFailsAndNeverCrash() {
        var random = Random(seed: 404)
        let valid = Array(Self.benchmarkLikePage.utf8)
        for _ in 0..<RandomisedCases.count(full: 3_000) {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[index] = Array(#"{}[]",:\0aeE-+.u "#.utf8).randomElement(using: &random)!
                case 1: bytes[index] = UInt8.random(in: 0...255, using: &random)
                default: bytes.remove(at: index)
                }
            }
            if Bool.random(using: &random) { bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random))) }
            #expect(Self.decodePage(bytes) == Self.jsonDecoder(bytes), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test(arguments: [
        "", " ", "null", "[]", "\"x\"", "{", "{\"relevantContent\":", "{\"relevantContent\":[", "{\"relevantContent\":[{\"content\":\"a",
        "{\"relevantContent\":[{\"content\":\"\\u12\"}]}", "{\"relevantContent\":[{\"content\":\"\\ud800\\u0041\"}]}",
        "{\"relevantContent\":[{\"content\":\"\\udc00\"}]}", "{\"relevantContent\":[{\"content\":\"\\x\"}]}",
        "{\"relevantContent\":[],}", "{\"relevantContent\":[1,]}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":tru}",
        "{\"a\":nul}", "{\"conte\\u006et\":\"escaped key\"}", "{\"relevantContent\":[{\"content\":\"a\"},{\"content\":\"b\",\"content\":\"c\"}]}",
        "{'relevantContent':[]}", "{\"relevantContent\":[]}\u{0}", "\u{FEFF}{}",
    ])
    func malformedOrOddDocumentsGiveJSONDecodersAnswer(body: String) {
        #expect(Self.decodePage(Array(body.utf8)) == Self.jsonDecoder(Array(body.utf8)))
    }

    @Test func theWordAtATimeScanStopsWhereAByteLoopStops() {
        var random = Random(seed: 16)
        let alphabet: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<RandomisedCases.count(full: 20_000, quick: 2_000) {
            let bytes = (0..<Int.random(in: 0...48, using: &random)).map { _ in
                Int.random(in: 0..<8, using: &random) > 0 ? UInt8(ascii: "a") : alphabet.randomElement(using: &random)!
            }
            let start = Int.random(in: 0...bytes.count, using: &random)
            let end = bytes[start...].firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 } ?? bytes.count
            let (found, high) = bytes.withUnsafeBufferPointer { JSONScanner.plainRun($0, from: start) }
            #expect(found == end, "\(bytes) from \(start)")
            #expect((high & 0x8080_8080_8080_8080 != 0) == bytes[start..<end].contains { $0 >= 0x80 }, "\(bytes) from \(start)")
        }
    }

    @Test func deepNestingIsRefusedWithoutExhaustingTheStack() {
        let deep = Array(("{\"relevantContent\":[],\"x\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}").utf8)
        #expect(SearchRelevantContentPage.scanning(deep) == nil)
        let shallow = Array(("{\"x\":" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}").utf8)
        #expect(SearchRelevantContentPage.scanning(shallow) == SearchRelevantContentPage.scanning(Array("{}".utf8)))
    }
}

/// The SearchRelevantContent body is written by hand; `JSONEncoder` (sorted keys, slashes
/// unescaped) is the reference, byte for byte.
struct SearchRequestBodyTests {
    @Test func randomRequestsSerialiseAsJSONEncoderSerialisesThem() throws {
        var random = SplitMix64(seed: 1_234)
        let characters: [String] = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + ["\u{7F}", "\"", "\\", "/", "a", " ", "é", "😀", "\u{2028}", "\r\n"]
        func text() -> String { (0..<Int.random(in: 0...12, using: &random)).map { _ in characters.randomElement(using: &random)! }.joined() }
        for _ in 0..<RandomisedCases.count(full: 2_000) {
            let filter: AttributeFilter? = Bool.random(using: &random)
                ? .andAll([.equalsTo(DocumentAttribute(name: text(), value: .string(text()))), .not(.lessThan(DocumentAttribute(name: "n", value: .long(-3))))])
                : nil
            let request = SearchRelevantContentRequest(applicationID: "app", queryText: text(), retrieverID: text(), attributeFilter: filter,
                                                       maxResults: Bool.random(using: &random) ? Int.random(in: -5...1_000, using: &random) : nil,
                                                       nextToken: Bool.random(using: &random) ? text() : nil)
            #expect(try request.jsonBody() == RestJSON.encode(request), "\(request)")
        }
    }
}
