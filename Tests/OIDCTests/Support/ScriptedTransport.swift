import Foundation
import NIOConcurrencyHelpers
import OIDC

/// An IdP scripted per test: each route answers with a closure, every request is recorded.
/// Stands in for the network, not for any part of the OIDC logic under test.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest) throws -> HTTPResponse

    private let state = NIOLockedValueBox<(routes: [String: Handler], log: [HTTPRequest])>((routes: [:], log: []))

    func route(_ url: String, _ handler: @escaping Handler) {
        state.withLockedValue { $0.routes[url] = handler }
    }

    func json(_ url: String, status: Int = 200, _ object: Any) {
        let data = try! JSONSerialization.data(withJSONObject: object)
        route(url) { _ in HTTPResponse(status: status, body: data) }
    }

    var requests: [HTTPRequest] { state.withLockedValue { $0.log } }

    func count(_ url: String) -> Int {
        requests.filter { $0.url.hasPrefix(url) }.count
    }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let handler = state.withLockedValue { state -> Handler? in
            state.log.append(request)
            var components = URLComponents(string: request.url)!
            components.query = nil
            return state.routes[components.string!]
        }
        guard let handler else {
            return HTTPResponse(status: 404, body: Data("{\"error\":\"not_found\"}".utf8))
        }
        return try handler(request)
    }
}

extension HTTPRequest {
    /// The form fields of a POST body.
    var formFields: [String: String] {
        let text = String(decoding: body, as: UTF8.self)
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }
}

extension HTTPResponse {
    /// An IdP answer as the scripts write it: a status and a JSON (or HTML) body.
    init(status: Int, body: Data) {
        self.init(statusCode: status, body: Array(body))
    }

    var status: Int { statusCode }
}
