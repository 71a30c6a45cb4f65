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
