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

/// A complete, size-bounded response.
public struct HTTPResponse: Sendable {
    public var statusCode: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(statusCode: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    public var isSuccess: Bool { (200..<300).contains(statusCode) }
}

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Method, host and path only: queries carry presigned signatures, codes and `state`;
    /// headers and bodies carry credentials, client secrets and tokens.
    public var description: String {
        let scheme = url.range(of: "://").map { String(url[..<$0.upperBound]) } ?? ""
        return "\(method) \(scheme)\(RequestLog.host(of: url))\(RequestLog.path(of: url))"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["method": method, "url": description], displayStyle: .struct) }
}

/// A response whose body is delivered in chunks as it arrives (event streams).
public struct HTTPStreamingResponse: Sendable {
    public var statusCode: Int
    public var headers: [(name: String, value: String)]
    /// Finishing or cancelling the consumer's iteration closes the connection.
    public var body: AsyncThrowingStream<[UInt8], any Error>

    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    public init(statusCode: Int, headers: [(name: String, value: String)], body: AsyncThrowingStream<[UInt8], any Error>) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }
}
