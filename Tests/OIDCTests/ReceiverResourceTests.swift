import Foundation
import Testing

@testable import OIDC

#if canImport(Glibc)
    import Glibc
#endif

/// The receiver holds no connection longer than it must: not past the flow, not past a
/// deadline counted from accept, and never more than its cap.
@Suite("Loopback receiver resources", .serialized)
struct ReceiverResourceTests {
    let http = AsyncHTTPTransport.shared
    @Test func closingTheReceiverClosesConnectionsStillOpen() async throws {
        let receiver = try await LoopbackReceiver.start(expectedState: "st", readTimeout: .seconds(60))
        let fd = try #require(connectedSocket(port: receiver.port))
        defer { close(fd) }
        #expect(sendQuietly(fd, "GET /callback?state=st"))  // half a request, then nothing
        await receiver.close()
        #expect(peerClosed(fd, within: 5))
    }

    @Test func aTrickleOfBytesDoesNotExtendTheReadDeadline() async throws {
        let receiver = try await LoopbackReceiver.start(expectedState: "st", readTimeout: .milliseconds(400))
        defer { Task { await receiver.close() } }
        let fd = try #require(connectedSocket(port: receiver.port))
        defer { close(fd) }
        // One byte every 100 ms for 1.5 s: an idle timer would be reset by each of them.
        for byte in "GET /callback?x=1".prefix(15) {
            _ = sendQuietly(fd, String(byte))
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(peerClosed(fd, within: 1), "the connection outlived its deadline")
    }

    @Test func connectionsBeyondTheCapAreClosedAtOnce() async throws {
        let receiver = try await LoopbackReceiver.start(expectedState: "st", readTimeout: .seconds(60), maxConnections: 2)
        defer { Task { await receiver.close() } }
        // Three at once: accepts are admitted in whatever order the event loops run them,
        // so exactly one of the three (not necessarily the last) must be closed.
        var sockets: [Int32] = []
        for _ in 0..<3 { sockets.append(try #require(connectedSocket(port: receiver.port))) }
        let closed = sockets.filter { peerClosed($0, within: 3) }
        #expect(closed.count == 1, "\(closed.count) of 3 connections were closed with a cap of 2")
        #expect(receiver.openConnections == 2)
        // The cap does not stop the real callback once a place is free.
        for fd in sockets where !closed.contains(fd) { close(fd) }
        for fd in closed { close(fd) }
        try await Task.sleep(for: .milliseconds(300))
        let response = try await http.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(receiver.port)/callback?code=c&state=st"),
                                           timeout: .seconds(10))
        #expect(response.statusCode == 200)
    }

    @Test func forLocalhostItListensOnBothLoopbackAddressesAndNothingElse() async throws {
        #expect(LoopbackReceiver.bindHosts(forRedirectHost: "localhost") == ["127.0.0.1", "::1"])
        #expect(LoopbackReceiver.bindHosts(forRedirectHost: "127.0.0.1") == ["127.0.0.1"])
        let receiver = try await LoopbackReceiver.start(expectedState: "st", redirectHost: "localhost")
        defer { Task { await receiver.close() } }
        #expect(isListening(port: receiver.port))
        #expect(receiver.boundAddresses.allSatisfy { $0 == "127.0.0.1" || $0 == "::1" })
        if receiver.boundAddresses.contains("::1") {
            let fd = try #require(connectedIPv6LoopbackSocket(port: receiver.port))
            close(fd)
        }
        if let address = nonLoopbackIPv4() {
            #expect(!isListening(port: receiver.port, host: address))
        }
    }
}
