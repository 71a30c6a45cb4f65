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
