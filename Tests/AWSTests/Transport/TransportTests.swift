import AsyncHTTPClient
import Foundation
import NIOCore
import TestSupport
import Testing
@testable import AWS

struct TransportTests {
    @Test func aResponseLargerThanTheCapIsATypedErrorNotAHugeBuffer() async throws {
        try await LocalHTTPServer.with({ _ in .respond(status: 200, body: Array(repeating: 0x41, count: 70_000)) }) { server in
            try await Fixtures.withTransport(.init(maximumResponseBytes: 64 * 1024)) { transport in
                await #expect(throws: TransportError.responseTooLarge(limit: 64 * 1024)) {
                    _ = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/big"), timeout: .seconds(60))
                }
            }
        }
    }

    @Test func everyRequestCarriesTheQseekUserAgent() async throws {
        try await LocalHTTPServer.with({ _ in .text(200, "ok") }) { server in
            try await Fixtures.withTransport(.init(applicationVersion: "1.2.3")) { transport in
                _ = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/"), timeout: .seconds(60))
                #expect(server.requests.first?.header("User-Agent")?.hasPrefix("qseek/1.2.3 ") == true)
            }
        }
    }

    @Test func aRefusedConnectionIsARetryableTransportError() async throws {
        let refusing = try RefusingPort()
        let url = refusing.baseURL + "/"
        try await Fixtures.withTransport { transport in
            do {
                _ = try await transport.send(HTTPRequest(method: "GET", url: url), timeout: .seconds(5))
                Issue.record("a closed port answered")
            } catch let error as TransportError {
                #expect(error.isRetryable, "\(error)")
                #expect(error.userMessage.contains("connection refused: nothing listens there"), "\(error.userMessage)")
                #expect(!error.userMessage.contains("errno") && !error.userMessage.contains("Error("), "no Swift value in words")
            }
        }
    }

    @Test func errorsNIODescribesAsSwiftValuesBecomeWords() {
        #expect(TransportError.words(in: "connectionFailed(NIOPosix.NIOConnectionError(host: \"h\", port: 1, dnsAError: nil))")
                == "the connection could not be used")
        #expect(TransportError.words(in: "IOError { errno: 104 }") == "the server reset the connection")
        #expect(TransportError.words(in: "HTTPClientError.remoteConnectionClosed") == "the server closed the connection before answering")
    }

    @Test func errnosAreReadFromTheErrorsThemselves() {
        #expect(TransportError.words(describing: IOError(errnoCode: ECONNRESET, reason: "read")) == "the server reset the connection")
        #expect(TransportError.words(describing: HTTPClientError.remoteConnectionClosed) == "the server closed the connection before answering")
    }
}
