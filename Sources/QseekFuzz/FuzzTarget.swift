import Accessor
import AppUI
import Assistant
import AWS
import Foundation
import OIDC
import QseekConfiguration
import Sandbox
import Terminal

/// A parser fed arbitrary bytes. It may reject them (that is its job); it must never trap,
/// hang or break its own guarantees. An invariant that does not hold is a crash on purpose,
/// so libFuzzer records the input.
struct FuzzTarget: Sendable {
    let name: String
    let run: @Sendable ([UInt8]) -> Void

    static let all: [FuzzTarget] = [
        FuzzTarget(name: "input-decoder") { bytes in
            // Fed in two chunks split at the first byte's value, as reads split input.
            var decoder = InputDecoder()
            let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
            _ = decoder.feed(bytes[..<cut])
            _ = decoder.feed(bytes[cut...])
            _ = decoder.flush()
            precondition(!decoder.hasPendingInput, "flush left input pending")
        },
        FuzzTarget(name: "sanitizer") { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            for sanitized in [TextSanitizer().sanitize(text), TextSanitizer(keepsNewlines: true).sanitize(text)] {
                for scalar in sanitized.unicodeScalars {
                    precondition(scalar.value >= 0x20 || scalar == "\n", "a C0 control survived")
                    precondition(!(0x7F...0x9F).contains(scalar.value), "a C1 control survived")
                    precondition(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value), "a bidi control survived")
                }
            }
            _ = TextLayout.wrap(text, toWidth: Int(bytes.first ?? 1) % 40 + 1)
            _ = TextLayout.truncate(text, toWidth: Int(bytes.last ?? 1) % 40)
        },
        FuzzTarget(name: "filter") { bytes in
            _ = try? FilteredQuery.parse(String(decoding: bytes, as: UTF8.self))
        },
        // The three places qseek reads TOML, each through the code the app runs.
        FuzzTarget(name: "config") { bytes in
            _ = try? ConfigParser(text: String(decoding: bytes, as: UTF8.self), file: "fuzz.toml").parse()
        },
        FuzzTarget(name: "theme") { bytes in
            // What ThemeCatalog does with each user theme file.
            _ = try? ThemeParser.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.toml")
        },
        FuzzTarget(name: "sandbox-tenants") { bytes in
            // `qseek sandbox serve --data DIR` with these bytes as tenants.toml; every
            // documents file it names is empty, so a well-formed file is read to the end.
            let text = String(decoding: bytes, as: UTF8.self)
            _ = try? CorpusLoader.load { name in name == "tenants.toml" ? text : "" }
        },
        FuzzTarget(name: "event-stream") { bytes in
            var decoder = EventStreamDecoder()
            decoder.append(bytes)
            while let message = try? decoder.next() { _ = message }
            _ = try? decoder.finish()
        },
        FuzzTarget(name: "sts-xml") { bytes in
            _ = try? XMLTree.parse(bytes)
        },
        FuzzTarget(name: "search-page") { bytes in
            // decodePage scans pages itself and hands anything odd to JSONDecoder: whatever
            // the bytes, the caller must get exactly what JSONDecoder alone gives.
            let decoded = Result { () throws(ResponseDecodingError) in try QBusiness.decodePage(bytes) }
            let reference = Result { () throws(ResponseDecodingError) in try RestJSON.decode(SearchRelevantContentPage.self, from: bytes) }
            precondition(decoded == reference, "decodePage and JSONDecoder disagree")
        },
        FuzzTarget(name: "aws-error") { bytes in
            // The first byte picks the layout a service would use; the rest is the body.
            let status = 400 + Int(bytes.first ?? 0) % 200
            let headers: [(name: String, value: String)] = (bytes.first ?? 0) & 1 == 0 ? [] : [("x-amzn-ErrorType", "Fuzz:x")]
            let error = AWSErrorParser.parse(service: "qbusiness", statusCode: status, headers: headers, body: Array(bytes.dropFirst()))
            _ = error.userMessage
        },
        FuzzTarget(name: "jwt") { bytes in
            // Bytes up to the first NUL are the issuer's JWKS document; the rest is the token.
            let split = bytes.firstIndex(of: 0) ?? bytes.count
            let jwks = Data(bytes[..<split])
            let token = String(decoding: bytes[min(split + 1, bytes.count)...], as: UTF8.self)
            runBlocking { await verifyToken(token, jwks: jwks) }
        },
        FuzzTarget(name: "sse") { bytes in
            // Read whole, and in reads whose lengths the input's own bytes pick: the same events
            // or the same refusal. Small limits, so inputs can reach them.
            func parser() -> ServerSentEventParser { ServerSentEventParser(maximumLineLength: 4096, maximumDataLength: 8192) }
            var whole = parser()
            let expected = try? whole.append(bytes)
            var chunked = parser()
            var events: [ServerSentEvent] = []
            var refused = false
            var start = 0
            while start < bytes.count && !refused {
                let end = min(bytes.count, start + 1 + Int(bytes[start]) % 32)
                do { events += try chunked.append(bytes[start..<end]) } catch { refused = true }
                start = end
            }
            precondition((refused ? nil : events) == expected, "splitting the input into reads changed the events")
            let decoder = ChatCompletionStreamDecoder()
            for event in events { _ = try? decoder.decode(event) }
        },
    ]
}

/// Verifies `token` against `jwks` served from memory: the whole JWS/JWKS path of sign-in.
func verifyToken(_ token: String, jwks: Data) async {
    let keys = SigningKeySet(jwksURI: URL(string: "https://idp.fuzz.invalid/jwks")!, transport: FixedResponse(body: jwks))
    let verifier = IDTokenVerifier(issuer: "https://idp.fuzz.invalid", clientID: "fuzz", advertisedAlgorithms: ["RS256", "ES256", "PS256"], keys: keys)
    _ = try? await verifier.verify(token, expectedNonce: nil)
}

struct FixedResponse: HTTPTransport {
    let body: Data
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse { HTTPResponse(statusCode: 200, body: Array(body)) }
}

/// Runs async work to completion from the synchronous fuzzing callback.
func runBlocking(_ work: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task {
        await work()
        done.signal()
    }
    done.wait()
}
