import Logging

/// The `--debug` line for one HTTP exchange, shared by every client so the log reads the same
/// for the IdP, AWS and model servers: method, host, path, status, latency and attempt.
///
/// Never a query string (presigned signatures, authorization codes, `state`), never a header
/// value, never a body: those carry credentials and tokens.
public enum RequestLog {
    /// Metadata for a finished exchange; `extra` adds fields a caller knows (the AWS service,
    /// its request id) and must hold no secret.
    public static func metadata(method: String, url: String, status: Int?, attempt: Int,
                                since started: ContinuousClock.Instant, extra: Logger.Metadata = [:]) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "method": "\(method)", "host": "\(host(of: url))", "path": "\(path(of: url))",
            "latencyMs": "\(milliseconds(since: started))", "attempt": "\(attempt)",
        ]
        if let status { metadata["status"] = "\(status)" }
        return metadata.merging(extra) { _, new in new }
    }

    /// Milliseconds since `started`, one decimal.
    public static func milliseconds(since started: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - started
        let tenths = (elapsed.components.seconds * 10_000 + elapsed.components.attoseconds / 100_000_000_000_000)
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The host (and port) of an absolute URL, without user info.
    public static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { return String(authority[authority.index(after: at)...]) }
        return authority.isEmpty ? "-" : String(authority)
    }

    /// The path of a URL without scheme, host, query or fragment (the query may hold a
    /// presigned signature or an authorization code).
    public static func path(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...].prefix { $0 != "?" && $0 != "#" })
    }
}
