/// One HTTP request: absolute URL, ordered headers, a byte body.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Method, host and path only: queries carry presigned signatures, codes and `state`;
    /// headers and bodies carry credentials, client secrets and tokens.
    public var description: String { "\(method) \(loggableURL)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["method": method, "url": loggableURL], displayStyle: .struct) }

    /// Scheme, host and path: what a log or an error may show of the URL.
    var loggableURL: String {
        let scheme = url.range(of: "://").map { String(url[..<$0.upperBound]) } ?? ""
        return scheme + RequestLog.host(of: url) + RequestLog.path(of: url)
    }
}
