import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Testing

@testable import OIDC

@Suite("Loopback receiver (RFC 8252 7.3)")
struct LoopbackReceiverTests {
    let http = AsyncHTTPTransport.shared

    func get(_ receiver: LoopbackReceiver, _ pathAndQuery: String) async throws -> HTTPResponse {
        try await http.exchange(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(receiver.port)\(pathAndQuery)"), timeout: .seconds(10))
    }

    @Test func itListensOnLoopbackOnlyOnAnEphemeralPort() async throws {
        let receiver = try await LoopbackReceiver.start(expectedState: "s")
        defer { Task { await receiver.close() } }
        #expect(receiver.boundAddress == "127.0.0.1")
        #expect(receiver.port > 0)
        #expect(isListening(port: receiver.port))
        if let external = nonLoopbackIPv4() {
            #expect(!isListening(port: receiver.port, host: external))
        }
    }

    @Test func foreignCallbacksAreAnswered400AndIgnoredUntilTheMatchingOneArrives() async throws {
        let receiver = try await LoopbackReceiver.start(expectedState: "expected-state")
        let waiting = Task { try await receiver.waitForCallback(timeout: .seconds(120)) }

        #expect(try await get(receiver, "/callback?code=stolen&state=other").status == 400)
        #expect(try await get(receiver, "/callback?code=stolen").status == 400)
        #expect(try await get(receiver, "/elsewhere?code=x&state=expected-state").status == 404)

        let accepted = try await get(receiver, "/callback?code=the-code&state=expected-state")
        #expect(accepted.status == 200)
        #expect(String(decoding: accepted.body, as: UTF8.self).contains("Sign-in received"))
        #expect(try await waiting.value == .code("the-code"))
        await receiver.close()
    }

    @Test func onlyOneCallbackIsEverAccepted() async throws {
        let receiver = try await LoopbackReceiver.start(expectedState: "st")
        #expect(try await get(receiver, "/callback?code=first&state=st").status == 200)
        #expect(try await get(receiver, "/callback?code=second&state=st").status == 400)
        #expect(try await receiver.waitForCallback(timeout: .seconds(30)) == .code("first"))
        await receiver.close()
    }

    @Test func anErrorCallbackIsReportedInWordsAndShownEscapedInTheBrowser() async throws {
        let receiver = try await LoopbackReceiver.start(expectedState: "st")
        let response = try await get(receiver, "/callback?error=access_denied&error_description=%3Cscript%3Eno%3C%2Fscript%3E&state=st")
        #expect(response.status == 200)
        let page = String(decoding: response.body, as: UTF8.self)
        #expect(page.contains("Sign-in failed"))
        #expect(!page.contains("<script>"))
        let outcome = try await receiver.waitForCallback(timeout: .seconds(30))
        #expect(outcome == .denied(error: "access_denied", description: "<script>no</script>"))
        await receiver.close()
    }

    @Test func waitingTimesOut() async throws {
        let receiver = try await LoopbackReceiver.start(expectedState: "st")
        await #expect(throws: OIDCError.timedOut(after: .seconds(1))) {
            try await receiver.waitForCallback(timeout: .seconds(1))
        }
        await receiver.close()
    }

    @Test func cancellingTheWaitStopsIt() async throws {
        let receiver = try await LoopbackReceiver.start(expectedState: "st")
        let waiting = Task { try await receiver.waitForCallback(timeout: .seconds(60)) }
        try await Task.sleep(for: .milliseconds(100))
        waiting.cancel()
        await #expect(throws: OIDCError.cancelled) { try await waiting.value }
        await receiver.close()
    }

    @Test func itStopsListeningWhenClosed() async throws {
        let receiver = try await LoopbackReceiver.start(expectedState: "st")
        let port = receiver.port
        await receiver.close()
        #expect(!isListening(port: port))
    }

    @Test func anIdleConnectionIsDropped() async throws {
        let receiver = try await LoopbackReceiver.start(expectedState: "st", readTimeout: .milliseconds(200))
        defer { Task { await receiver.close() } }
        let fd = try #require(connectedSocket(port: receiver.port))
        defer { close(fd) }
        // Send nothing: the receiver must hang up, which read() reports as end of file.
        var buffer = [UInt8](repeating: 0, count: 16)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #expect(read(fd, &buffer, buffer.count) == 0)
    }

    @Test func aConfiguredPortAndPathAreUsed() async throws {
        let probe = try await LoopbackReceiver.start(expectedState: "x")
        let port = probe.port
        await probe.close()
        let receiver = try await LoopbackReceiver.start(port: port, path: "/oauth/done", expectedState: "st")
        #expect(receiver.port == port)
        #expect(receiver.redirectURI(host: "localhost") == "http://localhost:\(port)/oauth/done")
        #expect(try await get(receiver, "/oauth/done?code=c&state=st").status == 200)
        await receiver.close()
    }
}
