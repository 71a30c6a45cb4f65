import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A request as it came off the wire: raw request target, headers in order, whole body.
/// This is what SigV4 is checked against, so nothing here is normalised.
public struct ReceivedRequest: Sendable {
    public var method: String
    public var path: String
    public var query: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, path: String, query: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// Query parameters, percent-decoded (`+` is a space, as in forms).
    public var queryItems: [String: String] { FormBody.decode(query) }

    /// The form body (`application/x-www-form-urlencoded`), decoded.
    public var form: [String: String] { FormBody.decode(String(decoding: body, as: UTF8.self)) }
}

/// Why a body could not be read.
public enum BodyReadError: Error, Sendable {
    case tooLarge(limit: Int)
    case unreadable
}

extension ReceivedRequest {
    /// Reads `request` whole, refusing bodies over `limit` bytes (checked against
    /// `Content-Length` first, then while reading).
    public static func read(_ request: Request, limit: Int) async throws(BodyReadError) -> ReceivedRequest {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw .tooLarge(limit: limit)
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw .tooLarge(limit: limit)
        } catch {
            throw .unreadable
        }
        let target = request.head.path ?? "/"
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var headers: [(name: String, value: String)] = []
        if let authority = request.head.authority { headers.append(("host", authority)) }
        for field in request.headers where field.name.canonicalName != "host" {
            headers.append((field.name.canonicalName, field.value))
        }
        return ReceivedRequest(method: request.method.rawValue, path: String(parts[0]),
                               query: parts.count > 1 ? String(parts[1]) : "", headers: headers,
                               body: Array(buffer.readableBytesView))
    }
}

/// `application/x-www-form-urlencoded`, both ways.
public enum FormBody {
    public static func decode(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = unescape(parts[0])
            guard !key.isEmpty else { continue }
            result[key] = parts.count > 1 ? unescape(parts[1]) : ""
        }
        return result
    }

    static func unescape(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }

    public static func encode(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
    }
}
