import Testing
@testable import HTTP

/// The small codecs every module shares: one base64url, one JSON value.
struct CodecTests {
    @Test func base64URLUsesTheURLAlphabetWithoutPadding() {
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.encode(Array("f".utf8)) == "Zg")
        #expect(Base64URL.decode("-_8") == [0xFB, 0xFF])
        #expect(Base64URL.decode("") == [])
    }

    @Test func base64URLRefusesPaddingAndImpossibleLengths() {
        #expect(Base64URL.decode("Zg==") == nil, "JWS parts carry no padding")
        #expect(Base64URL.decode("Z") == nil)
        #expect(Base64URL.decode("Zg+/") == nil, "the standard alphabet is not base64url")
    }

    @Test func base64URLRoundTripsEveryLength() {
        for length in 0..<64 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }

    @Test func aJSONValueSerialisesCompactlyWithSortedKeysAndEscapedControls() {
        let value: JSONValue = ["b": [1, true, .null], "a": "q\"\\\n\u{1}é", "n": .number(1.5)]
        #expect(String(decoding: value.serialized(), as: UTF8.self) == #"{"a":"q\"\\\n\u0001é","b":[1,true,null],"n":1.5}"#)
    }

    @Test func aJSONValueParsesWhatItSerialisesAndRefusesWhatIsNotJSON() {
        let value: JSONValue = ["keys": [["kid": "k1", "n": 65537]]]
        #expect(JSONValue.parse(value.serialized()) == value)
        #expect(value["keys"]?.arrayValue?.first?["kid"]?.stringValue == "k1")
        #expect(JSONValue.parse(Array("{\"a\":".utf8)) == nil)
    }

    @Test func intValueIsOnlyAWholeNumber() {
        #expect(JSONValue.parse(Array(#"{"v":1,"w":1.0,"x":1.5,"y":true,"z":"1"}"#.utf8)).map { value in
            ["v", "w", "x", "y", "z"].map { value[$0]?.intValue }
        } == [1, 1, nil, nil, nil])
    }
}
