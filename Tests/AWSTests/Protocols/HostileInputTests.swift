import Foundation
import TestSupport
import Testing
@testable import AWS

/// Bytes from a server are untrusted: whatever arrives, the parsers answer with values or
/// typed errors and never trap. A seeded generator keeps failures reproducible.
struct HostileInputTests {
    @Test func mutatedEventStreamFramesNeverCrashTheDecoder() {
        var random = SplitMix64(seed: 20_261_127)
        let valid = EventStreamEncoder.encode(EventStreamDecoderTests.everyHeaderType)
        var outcomes = [String: Int]()
        let cases = RandomisedCases.count(full: 5_000)
        for _ in 0..<cases {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            if Bool.random(using: &random) { bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random))) }
            // Re-seal the prelude CRC half the time so mutations reach the length and header checks.
            if Bool.random(using: &random), bytes.count >= 12 {
                let crc = CRC32.checksum(bytes[0..<8])
                bytes[8] = UInt8(crc >> 24); bytes[9] = UInt8(crc >> 16 & 0xFF); bytes[10] = UInt8(crc >> 8 & 0xFF); bytes[11] = UInt8(crc & 0xFF)
            }
            var decoder = EventStreamDecoder()
            decoder.append(bytes)
            do {
                while try decoder.next() != nil {}
                try decoder.finish()
                outcomes["ok", default: 0] += 1
            } catch {
                outcomes["\(error)".prefix(while: { $0 != "(" }).description, default: 0] += 1
            }
        }
        #expect(outcomes.values.reduce(0, +) == cases)
        #expect(outcomes.keys.count >= 3, "mutations should reach several checks: \(outcomes)")
    }

    @Test func randomBytesNeverCrashTheXMLOrErrorParsers() {
        var random = SplitMix64(seed: 7)
        let seeds = ["<ErrorResponse><Error><Code>A</Code></Error></ErrorResponse>", #"{"__type":"x#Y","message":"m"}"#,
                     "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>", String(repeating: "<a>", count: 200)]
        for _ in 0..<RandomisedCases.count(full: 2_000) {
            var bytes = Array(seeds.randomElement(using: &random)!.utf8)
            for _ in 0..<Int.random(in: 0...6, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            _ = try? XMLTree.parse(bytes)
            let error = AWSErrorParser.parse(service: "sts", statusCode: 400, headers: [], body: bytes)
            #expect(!error.code.isEmpty)
        }
    }

    @Test func entityDeclarationsAndDeepNestingAreRefused() {
        #expect(throws: ResponseDecodingError.self) {
            try XMLTree.parse(Array("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>".utf8))
        }
        #expect(throws: ResponseDecodingError.self) {
            try XMLTree.parse(Array((String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)).utf8))
        }
    }

    /// Found by Fuzz/run.sh (sts-xml): FoundationXML crashed on `<?d…?>` with no data.
    @Test func processingInstructionsAreRefusedButTheXMLDeclarationIsFine() throws {
        #expect(throws: ResponseDecodingError.self) {
            try XMLTree.parse(Array("<ErrorResponse><?dAssumpe?><Code>x</Code></ErrorResponse>".utf8))
        }
        #expect(throws: ResponseDecodingError.self) {
            try XMLTree.parse(Array("<?xml version=\"1.0\"?><a><?x?></a>".utf8))
        }
        let tree = try XMLTree.parse(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a><b>ok</b></a>".utf8))
        #expect(tree.child("b")?.text == "ok")
    }
}
