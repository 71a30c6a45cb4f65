#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AsyncHTTPClient
import NIOCore
import NIOPosix

/// Failures below HTTP: nothing in them comes from a response body or a header, so no
/// secret can travel through them.
public enum TransportError: Error, Sendable, Equatable {
    case invalidURL(String)
    /// No connection within the connect timeout.
    case connectTimedOut(host: String)
    /// Connected, but the answer did not come (or stalled) within the read timeout.
    case readTimedOut(host: String)
    case connectionFailed(host: String, detail: String)
    /// The response body exceeded the cap; reading stopped there.
    case responseTooLarge(limit: Int)

    /// Timeouts cost more retry quota than other failures (SDK standard mode).
    public var isTimeout: Bool {
        switch self {
        case .connectTimedOut, .readTimedOut: return true
        default: return false
        }
    }

    public var isRetryable: Bool {
        switch self {
        case .connectTimedOut, .readTimedOut, .connectionFailed: return true
        case .invalidURL, .responseTooLarge: return false
        }
    }

    /// What went wrong without the host, for messages that name the host themselves.
    public var reason: String {
        switch self {
        case .invalidURL: return "the address is not a valid URL"
        case .connectTimedOut: return "no connection within the connect timeout"
        case .readTimedOut: return "no answer in time"
        case .connectionFailed(_, let detail): return detail
        case .responseTooLarge(let limit): return "the answer was larger than the \(limit / 1024) KiB this client accepts"
        }
    }

    public var userMessage: String {
        switch self {
        case .invalidURL(let url):
            return "The address \(url) is not a valid URL; check the endpoint configuration."
        case .connectTimedOut(let host):
            return "Could not connect to \(host) in time; check the network, proxy and endpoint."
        case .readTimedOut(let host):
            return "\(host) did not answer in time; try again, or check the network."
        case .connectionFailed(let host, let detail):
            return "The connection to \(host) failed (\(detail)); check the network, proxy and endpoint."
        case .responseTooLarge(let limit):
            return "The answer was larger than the \(limit / 1024) KiB this client accepts; it was cut off and discarded."
        }
    }

    /// The kind of failure in words: NIO and AsyncHTTPClient describe errors as Swift values
    /// (`connectionFailed(...)`, `IOError { errno: 111 }`); the user gets the errno's meaning.
    public static func words(describing error: any Error) -> String {
        if let code = errno(of: error), let words = words(forErrno: code) { return words }
        if let connection = error as? NIOConnectionError, connection.connectionErrors.isEmpty,
           connection.dnsAError != nil || connection.dnsAAAAError != nil {
            return "the host name does not resolve"
        }
        if let client = error as? HTTPClientError, client == .remoteConnectionClosed {
            return "the server closed the connection before answering"
        }
        // Kinds without a type this module sees (TLS from NIOSSL, …): read the description.
        return words(in: String(describing: error))
    }

    /// The errno under an error, however NIO wrapped it.
    static func errno(of error: any Error) -> Int32? {
        if let io = error as? IOError { return io.errnoCode }
        if let connection = error as? NIOConnectionError {
            return connection.connectionErrors.lazy.compactMap { errno(of: $0.error) }.first
        }
        return nil
    }

    static func words(forErrno code: Int32) -> String? {
        switch code {
        case ECONNREFUSED: "connection refused: nothing listens there"
        case ECONNRESET: "the server reset the connection"
        case ENETUNREACH: "the network is unreachable"
        case EHOSTUNREACH: "no route to the host"
        case EPIPE: "the connection broke while sending"
        default: nil
        }
    }

    static func words(in description: String) -> String {
        let known: [(String, String)] = [
            ("Connection refused", "connection refused: nothing listens there"), ("errno: 111", "connection refused: nothing listens there"),
            ("Connection reset", "the server reset the connection"), ("errno: 104", "the server reset the connection"),
            ("Network is unreachable", "the network is unreachable"), ("errno: 101", "the network is unreachable"),
            ("No route to host", "no route to the host"), ("errno: 113", "no route to the host"),
            ("Broken pipe", "the connection broke while sending"), ("errno: 32", "the connection broke while sending"),
            ("NXDOMAIN", "the host name does not resolve"), ("lookup", "the host name does not resolve"),
            ("certificate", "the server's TLS certificate was not accepted"), ("handshake", "the TLS handshake failed"),
            ("uncleanShutdown", "the server closed the connection before answering"),
            ("remoteConnectionClosed", "the server closed the connection before answering"),
        ]
        for (needle, words) in known where description.localizedCaseInsensitiveContains(needle) { return words }
        return "the connection could not be used"
    }
}
