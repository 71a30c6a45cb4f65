import Foundation

/// One HTTP exchange with the IdP, reduced to what OIDC needs.
public struct HTTPRequest: Sendable {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    public var method: Method
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: Data?

    public init(method: Method, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// A form POST (`application/x-www-form-urlencoded`), as the token, device and revocation
    /// endpoints require (RFC 6749 §4.1.3, RFC 8628 §3.1, RFC 7009 §2.1).
    public static func form(_ url: URL, fields: [(String, String)], headers: [(name: String, value: String)] = []) -> HTTPRequest {
        HTTPRequest(
            method: .post,
            url: url,
            headers: headers + [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
            body: Data(FormEncoding.encode(fields).utf8)
        )
    }
}

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Method and URL only: headers and bodies carry secrets (client secret, codes, tokens).
    public var description: String { "\(method.rawValue) \(url.absoluteString)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["method": method.rawValue, "url": url], displayStyle: .struct) }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// The seam between the OIDC logic and the network. Production uses ``AsyncHTTPTransport``;
/// tests put a scripted IdP behind it.
public protocol HTTPTransport: Sendable {
    /// Sends a request and returns the response, whatever its status. Throws
    /// ``OIDCError/network(host:reason:)`` when no response arrives.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// `application/x-www-form-urlencoded` as browsers and OAuth servers expect it: RFC 3986
/// unreserved characters pass, everything else is percent-encoded (spaces as `%20`, which
/// every server accepts, rather than `+`, which some do not decode in Basic credentials).
enum FormEncoding {
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func escape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    static func decode(_ query: String) -> [(String, String)] {
        query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func unescape(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            return (unescape(parts[0]), parts.count > 1 ? unescape(parts[1]) : "")
        }
    }
}
