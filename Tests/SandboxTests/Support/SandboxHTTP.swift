import AWS
import AsyncHTTPClient
import Crypto
import Foundation
import HTTP
import NIOCore
@testable import Sandbox

/// A raw HTTP client for the sandbox, with SigV4 signing from the AWS module, so tests can send
/// exactly the bytes they mean (including malformed ones).
struct SandboxHTTP {
    let sandbox: RunningSandbox

    struct Reply {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: JSONValue? { JSONValue.parse(body) }
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []) async throws -> Reply {
        var request = HTTPClientRequest(url: sandbox.baseURL + path)
        request.method = .init(rawValue: method)
        for (name, value) in headers where name.lowercased() != "host" { request.headers.add(name: name, value: value) }
        if !body.isEmpty || method == "POST" { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await Self.client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                     body: Array(bytes.readableBytesView))
    }

    /// POSTs `body` to `path` signed for `service` in `region` with `credentials`.
    func signed(_ path: String, service: String, region: String = "us-east-1", credentials: Credentials,
                contentType: String, body: [UInt8]) async throws -> Reply {
        let parts = path.split(separator: "?", maxSplits: 1).map(String.init)
        let host = sandbox.baseURL.replacingOccurrences(of: "http://", with: "")
        let request = SignableRequest(method: "POST", path: parts[0], query: parts.count > 1 ? parts[1] : "",
                                      headers: [("host", host), ("content-type", contentType)], body: body)
        let signed = SigV4Signer(region: region, service: service).sign(request, credentials: credentials, at: Date())
        return try await send("POST", path, headers: signed.request.headers.map { ($0.name, $0.value) }, body: body)
    }

    static let baseKey = Credentials(accessKeyID: DemoCredentials.accessKeyID, secretAccessKey: DemoCredentials.secretAccessKey)

    func sts(_ form: [(String, String)], credentials: Credentials = baseKey) async throws -> Reply {
        try await signed("/sts/", service: "sts", credentials: credentials,
                         contentType: "application/x-www-form-urlencoded; charset=utf-8",
                         body: Array(FormBody.encode(form).utf8))
    }

    func json(_ path: String, service: String, region: String, credentials: Credentials, _ value: JSONValue) async throws -> Reply {
        try await signed(path, service: service, region: region, credentials: credentials,
                         contentType: "application/json", body: value.serialized())
    }
}

/// The text between `<tag>` and `</tag>`, for reading STS XML in tests.
func xmlValue(_ tag: String, in text: String) -> String? {
    guard let start = text.range(of: "<\(tag)>"), let end = text.range(of: "</\(tag)>", range: start.upperBound..<text.endIndex) else { return nil }
    return String(text[start.upperBound..<end.lowerBound])
}
