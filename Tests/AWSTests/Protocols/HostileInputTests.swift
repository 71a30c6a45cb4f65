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
                var messages = 0
                while try decoder.next() != nil { messages += 1 }
                try decoder.finish()
                outcomes["ok", default: 0] += 1
                // Accepted only what is a whole frame by both of its checksums, read independently.
                if messages > 0 { #expect(Self.isSealedFrame(bytes), "a corrupted frame was decoded: \(bytes)") }
            } catch {
                outcomes["\(error)".prefix(while: { $0 != "(" }).description, default: 0] += 1
            }
        }
        #expect(outcomes.keys.count >= 3, "mutations should reach several checks: \(outcomes)")
    }

    /// One frame whose total length, prelude CRC and message CRC all agree with its bytes.
    static func isSealedFrame(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 16 else { return false }
        func word(_ at: Int) -> UInt32 { bytes[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        return Int(word(0)) == bytes.count && word(8) == CRC32.checksum(bytes[0..<8])
            && word(bytes.count - 4) == CRC32.checksum(bytes[0..<bytes.count - 4])
    }

    @Test func randomBytesNeverCrashTheXMLOrErrorParsers() {
        var random = SplitMix64(seed: 7)
        let seeds = ["<ErrorResponse><Error><Code>A</Code></Error></ErrorResponse>", #"{"__type":"x#Y","message":"m"}"#,
                     "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>", String(repeating: "<a>", count: 200)]
        // What each seed says, unmutated: the parsers must read these exactly.
        let expectedCodes = ["A", "Y", AWSErrorParser.fallbackCode(400), AWSErrorParser.fallbackCode(400)]
        var unmutated = 0
        for _ in 0..<RandomisedCases.count(full: 2_000) {
            let seed = Int.random(in: 0..<seeds.count, using: &random)
            var bytes = Array(seeds[seed].utf8)
            let mutations = Int.random(in: 0...6, using: &random)
            for _ in 0..<mutations where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            _ = try? XMLTree.parse(bytes)
            let error = AWSErrorParser.parse(service: "sts", statusCode: 400, headers: [], body: bytes)
            if mutations == 0 {
                unmutated += 1
                #expect(error.code == expectedCodes[seed])
            } else {
                // The code is the body's own (as its text shows it) or the status fallback; never invented.
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(error.code == AWSErrorParser.fallbackCode(400) || text.contains(error.code), "\(error.code) from \(text)")
            }
        }
        #expect(unmutated > 0)
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
