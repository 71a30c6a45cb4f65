import Foundation
import TestSupport
import Testing
@testable import AWS

/// The canonical request is written byte by byte for speed; the `String` rules it replaced
/// (Unicode lowercasing, `Character` splitting, dot-segment removal) stay in the code as the
/// reference. These tests throw awkward requests at both and want the same text.
struct CanonicalRequestWriterTests {
    /// The canonical request as the `String` functions build it, part by part.
    static func reference(_ request: SignableRequest, signing names: Set<String>? = nil, normalizePath: Bool = true) -> String {
        let (lines, signed) = CanonicalRequest.canonicalHeaders(request.headers, only: names)
        return [request.method.uppercased(), CanonicalRequest.canonicalPath(request.path, normalize: normalizePath),
                CanonicalRequest.canonicalQuery(request.query), lines, signed, request.payloadHash].joined(separator: "\n")
    }

    static let names = ["Host", "host", "HOST", "Content-Type", "X-Amz-Date", "x-amz-security-token", "Authorization",
                        "User-Agent", "X-Amzn-Trace-Id", "a", "A", "my-header1", "My-Header1", "zz", " Spaced ", "\tTab",
                        "Ünïcode", "\u{212A}ey", "key", "İd", "id", "e\u{301}", "\u{E9}", "x_under", "X-Amz-Content-Sha256"]
    static let values = ["value", "  leading", "trailing  ", "in  side\tand\r\nfolded\nlines", "", " ", "é à", "caf\u{E9}",
                         " \u{301}combining", "a \u{301}b", "tab\there", "IQoJb3JpZ2luX2VjEXAMPLE/+=", "2 3  4", "\r\n", "ü"]
    static let segments = ["a", "b", ".", "..", "", "%2F", "é", "~x", "a b", "...", "-_.", "c:d", "%"]

    static func randomRequest(using random: inout SplitMix64) -> SignableRequest {
        var path = Bool.random(using: &random) ? "/" : ""
        for index in 0..<Int.random(in: 0...5, using: &random) {
            if index > 0 { path += "/" }
            path += segments.randomElement(using: &random)!
        }
        if Int.random(in: 0..<4, using: &random) == 0 { path += "/" }
        let headers = (0..<Int.random(in: 0...7, using: &random)).map { _ in
            (name: names.randomElement(using: &random)!, value: values.randomElement(using: &random)!)
        }
        let query = ["", "a=1", "b=2&a=1&a=0", "x", "k=%20v+w", "é=ü&=e"].randomElement(using: &random)!
        let method = ["GET", "post", "Put", "dé"].randomElement(using: &random)!
        return SignableRequest(method: method, path: path, query: query, headers: headers, payloadHash: "UNSIGNED-PAYLOAD")
    }

    @Test func randomRequestsCanonicaliseAsTheStringRulesDo() {
        var random = SplitMix64(seed: 20_261_128)
        for _ in 0..<RandomisedCases.count(full: 5_000) {
            let request = Self.randomRequest(using: &random)
            let normalize = Bool.random(using: &random)
            let canonical = CanonicalRequest(request, normalizePath: normalize)
            #expect(canonical.text == Self.reference(request, normalizePath: normalize), "\(request)")
            let (lines, signed) = CanonicalRequest.canonicalHeaders(request.headers, only: nil)
            #expect(canonical.canonicalHeaders == lines)
            #expect(canonical.signedHeaders == signed)
            #expect(canonical.canonicalPath == CanonicalRequest.canonicalPath(request.path, normalize: normalize))
            #expect(canonical.method == request.method.uppercased())
            #expect(canonical.payloadHash == "UNSIGNED-PAYLOAD")
        }
    }

    @Test func aVerifiersListOfSignedHeadersPicksTheSameHeadersAsTheStringRules() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<RandomisedCases.count(full: 2_000) {
            let request = Self.randomRequest(using: &random)
            let names = Set(Self.names.map { $0.lowercased() }.filter { _ in Bool.random(using: &random) })
            #expect(CanonicalRequest(request, signing: names).text == Self.reference(request, signing: names), "\(request)")
        }
    }

    @Test(arguments: ["", "/", "//", "/a", "/a/", "a", "a/", "/a//b", "/./", "/a/.", "/a/..", "/../a", "/.../", "/a/.b/", "./a", "..",
                      "/a/b/", "/%2E%2E/", "/.a./..b/"])
    func pathsNeedDotSegmentRemovalExactlyWhenItWouldChangeThem(path: String) {
        #expect(CanonicalRequest.needsDotSegmentRemoval(path) == (CanonicalRequest.removeDotSegments(path) != path))
    }

    @Test func theSignerReplacesTheHeadersItWritesWhateverTheirCase() {
        let request = SignableRequest(method: "GET", path: "/", headers: [
            ("Host", "example.com"), ("AUTHORIZATION", "old"), ("x-amz-DATE", "old"), ("X-Amz-Security-Token", "old"), ("Kept", "yes"),
        ], payloadHash: Hashing.emptyPayloadSHA256)
        let credentials = Credentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "new")
        let signed = SigV4Signer(region: "us-east-1", service: "sts").sign(request, credentials: credentials, at: Date(timeIntervalSince1970: 0))
        #expect(signed.request.headers.map(\.name) == ["Host", "Kept", "X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
        #expect(signed.request.values(of: "x-amz-date") == ["19700101T000000Z"])
        #expect(signed.request.values(of: "x-amz-security-token") == ["new"])
    }

    @Test func oneKeyCacheSigningForSeveralSecretsInTurnUsesEachOnesKey() {
        let request = SignableRequest(method: "GET", path: "/", headers: [("Host", "example.com")], payloadHash: Hashing.emptyPayloadSHA256)
        let secrets = ["secret-a", "secret-b", "secret-a", "secret-c", "secret-b"]
        let shared = SigV4Signer(region: "us-east-1", service: "sts", keyCache: SigningKeyCache())
        for (index, secret) in secrets.enumerated() {
            let credentials = Credentials(accessKeyID: "AKID", secretAccessKey: secret, sessionToken: nil)
            let date = Date(timeIntervalSince1970: 1_767_225_600 + Double(index % 2) * 86_400)
            let fresh = SigV4Signer(region: "us-east-1", service: "sts", keyCache: SigningKeyCache())
            #expect(shared.sign(request, credentials: credentials, at: date).signature == fresh.sign(request, credentials: credentials, at: date).signature)
        }
    }

    @Test func theEightByteScanFindsWhatAByteLoopFinds() {
        var random = SplitMix64(seed: 99)
        let alphabet: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<RandomisedCases.count(full: 20_000, quick: 2_000) {
            let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                Bool.random(using: &random) ? UInt8(ascii: "a") : alphabet.randomElement(using: &random)!
            }
            let expected: UInt8 = (bytes.contains { $0 <= 0x20 } ? 1 : 0) | (bytes.contains { $0 >= 0x80 } ? 2 : 0)
            #expect(bytes.withUnsafeBufferPointer(ASCII.scan) == expected, "\(bytes)")
        }
    }

    @Test(arguments: [(0.0, "19700101T000000Z"), (951_782_400.5, "20000229T000000Z"), (1_767_225_599, "20251231T235959Z"),
                      (-1, "19691231T235959Z"), (253_402_300_799, "99991231T235959Z"), (253_402_300_800, "100000101T000000Z")])
    func signingTimesRenderAsAmzDates(seconds: Double, amzDate: String) {
        let time = SigningTime(Date(timeIntervalSince1970: seconds))
        #expect(time.amzDate == amzDate)
        #expect(time.dateStamp == String(amzDate.prefix(amzDate.count - 8)))
    }
}
