import Foundation

/// Where a service is reached: scheme, host, optional port and a base path.
///
/// `hostHeader` is what gets signed; it carries the port whenever the port is not the scheme's
/// default, because that is what the HTTP client sends and what a server (a local sandbox on
/// `127.0.0.1:PORT` included) recomputes the signature with.
public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?
    /// Path prefix of the endpoint URL, without a trailing slash ("" for most endpoints).
    public var basePath: String

    public init(scheme: String = "https", host: String, port: Int? = nil, basePath: String = "") {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// Parses an endpoint override such as `http://127.0.0.1:4566` or `https://vpce-x.sts.amazonaws.com/`.
    public init(url text: String) throws(EndpointError) {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else {
            throw .invalidURL(text)
        }
        guard components.query == nil, components.fragment == nil, components.user == nil, components.password == nil else {
            throw .invalidURL(text)
        }
        self.scheme = scheme
        self.host = host
        self.port = components.port
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        self.basePath = path
    }

    var isDefaultPort: Bool {
        guard let port else { return true }
        return (scheme == "https" && port == 443) || (scheme == "http" && port == 80)
    }

    /// `host` or `host:port` (IPv6 literals bracketed).
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return isDefaultPort ? name : "\(name):\(port!)"
    }

    /// Absolute URL text for a request path (already percent-encoded) and query.
    public func url(path: String, query: String = "") -> String {
        "\(scheme)://\(hostHeader)\(basePath)\(path)" + (query.isEmpty ? "" : "?\(query)")
    }

    public var description: String { "\(scheme)://\(hostHeader)\(basePath)" }
}
