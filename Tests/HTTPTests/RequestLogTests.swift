import Logging
import NIOConcurrencyHelpers
import Testing
@testable import HTTP

/// The `--debug` line names the exchange and nothing that could be a secret.
struct RequestLogTests {
    @Test func theLineKeepsHostAndPathButNeverTheQueryOrUserInfo() {
        let url = "https://user:pw@idp.example.test:8443/authorize/cb?code=SECRETCODE&state=abc#frag"
        let metadata = RequestLog.metadata(method: "GET", url: url, status: 302, attempt: 2, since: .now)
        #expect(metadata["host"] == "idp.example.test:8443")
        #expect(metadata["path"] == "/authorize/cb")
        #expect(metadata["status"] == "302")
        #expect(metadata["attempt"] == "2")
        let line = metadata.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        #expect(!line.contains("SECRETCODE") && !line.contains("pw") && !line.contains("frag"))
    }

    @Test func aRequestDescribesItselfWithoutQueryHeadersOrBody() {
        let request = HTTPRequest(method: "POST", url: "https://idp.example.test/token?x=QUERYSECRET",
                                  headers: [("Authorization", "Basic SECRETHEADER")], body: Array("refresh_token=SECRETBODY".utf8))
        for text in [String(describing: request), String(reflecting: request), "\(request)"] {
            #expect(text == "POST https://idp.example.test/token")
        }
    }

    @Test func theLoggedTransportWritesOneLinePerExchangeNamingTheParty() async throws {
        let recorder = LogRecorder()
        var logger = Logger(label: "test") { _ in recorder }
        logger.logLevel = .debug
        let transport = LoggedTransport(StaticTransport(), party: "IdP", logger: logger)
        _ = try await transport.send(HTTPRequest(method: "GET", url: "https://idp.example.test/jwks?k=v"), timeout: .seconds(1))
        let lines = recorder.lines
        #expect(lines.count == 1)
        #expect(lines.first?.message == "IdP request")
        #expect(lines.first?.metadata["path"] == "/jwks")
        #expect(lines.first?.metadata["status"] == "204")
        #expect(lines.first?.metadata["latencyMs"] != nil)
    }
}

private struct StaticTransport: HTTPTransport {
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse { HTTPResponse(statusCode: 204) }
}

/// Keeps what a `Logger` writes.
struct LogRecorder: LogHandler {
    typealias Line = (message: String, metadata: [String: String])
    private let stored = NIOLockedValueBox<[Line]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var lines: [Line] { stored.withLockedValue { $0 } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let flat = (event.metadata ?? [:]).mapValues { "\($0)" }
        stored.withLockedValue { $0.append((event.message.description, flat)) }
    }
}
