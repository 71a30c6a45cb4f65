import AsyncHTTPClient
import Foundation
import NIOCore
import TestSupport
import Testing
@testable import HTTP

struct AsyncHTTPTransportTests {
    @Test func aResponseLargerThanTheCapIsATypedErrorNotAHugeBuffer() async throws {
        try await LocalHTTPServer.with({ _ in .respond(status: 200, body: Array(repeating: 0x41, count: 70_000)) }) { server in
            try await withTransport(.init(maximumResponseBytes: 64 * 1024)) { transport in
                await #expect(throws: TransportError.responseTooLarge(limit: 64 * 1024)) {
                    _ = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/big"), timeout: .seconds(60))
                }
            }
        }
    }

    @Test func everyRequestCarriesTheQseekUserAgent() async throws {
        try await LocalHTTPServer.with({ _ in .text(200, "ok") }) { server in
            try await withTransport(.init(applicationVersion: "1.2.3")) { transport in
                _ = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/"), timeout: .seconds(60))
                #expect(server.requests.first?.header("User-Agent")?.hasPrefix("qseek/1.2.3 ") == true)
            }
        }
    }

    @Test func aRefusedConnectionIsARetryableTransportError() async throws {
        let refusing = try RefusingPort()
        let url = refusing.baseURL + "/"
        try await withTransport { transport in
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

    /// The server never ends its body and never pauses long enough for the read timeout, so
    /// only the deadline can end the call: the typed timeout proves it did. The time limit
    /// turns a regression into a failure instead of a hang (no timed assertion: CI is noisy).
    @Test(.timeLimit(.minutes(2)))
    func aBodyTrickledSlowerThanTheDeadlineEndsTheCallInATimeout() async throws {
        try await LocalHTTPServer.with({ _ in .trickle(status: 200, interval: .milliseconds(100)) }) { server in
            try await withTransport { transport in
                await #expect(throws: TransportError.readTimedOut(host: "127.0.0.1")) {
                    _ = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/slow"), timeout: .seconds(1))
                }
            }
        }
    }

    @Test func aRedirectIsHandedBackAndNothingIsSentToItsTarget() async throws {
        try await LocalHTTPServer.with({ _ in .text(200, "should not be reached") }) { target in
            try await LocalHTTPServer.with({ _ in .respond(status: 307, headers: [("Location", target.baseURL + "/elsewhere")]) }) { server in
                try await withTransport { transport in
                    let response = try await transport.send(HTTPRequest(method: "POST", url: server.baseURL + "/v1/chat", body: Array("company text".utf8)),
                                                            timeout: .seconds(60))
                    #expect(response.statusCode == 307)
                    #expect(response.header("location") == target.baseURL + "/elsewhere")
                    #expect(target.requests.isEmpty, "the transport followed the redirect")
                }
            }
        }
    }

    @Test func copiesWithAnotherCapShareTheClientButNotTheCap() async throws {
        try await LocalHTTPServer.with({ _ in .respond(status: 200, body: Array(repeating: 0x41, count: 2_000)) }) { server in
            try await withTransport { transport in
                let small = transport.limitingResponses(to: 1_000)
                await #expect(throws: TransportError.responseTooLarge(limit: 1_000)) {
                    _ = try await small.send(HTTPRequest(method: "GET", url: server.baseURL + "/"), timeout: .seconds(60))
                }
                let whole = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/"), timeout: .seconds(60))
                #expect(whole.body.count == 2_000)
            }
        }
    }

    @Test func aStreamedBodyArrivesChunkByChunk() async throws {
        let chunks: [[UInt8]] = [Array("data: one\n\n".utf8), Array("data: two\n\n".utf8)]
        try await LocalHTTPServer.with({ _ in .stream(status: 200, headers: [("Content-Type", "text/event-stream")], chunks: chunks) }) { server in
            try await withTransport { transport in
                let response = try await transport.stream(HTTPRequest(method: "GET", url: server.baseURL + "/events"), timeout: .seconds(60))
                var received: [UInt8] = []
                for try await chunk in response.body { received += chunk }
                #expect(response.statusCode == 200)
                #expect(response.header("content-type") == "text/event-stream")
                #expect(received == chunks.flatMap { $0 })
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

/// Runs `body` with a transport that is shut down afterwards, whatever happens.
@discardableResult
func withTransport<T>(_ configuration: AsyncHTTPTransport.Configuration = .init(connectTimeout: .seconds(30), readTimeout: .seconds(60)),
                      _ body: (AsyncHTTPTransport) async throws -> T) async throws -> T {
    let transport = AsyncHTTPTransport(configuration: configuration)
    do {
        let result = try await body(transport)
        try await transport.shutdown()
        return result
    } catch {
        try? await transport.shutdown()
        throw error
    }
}
