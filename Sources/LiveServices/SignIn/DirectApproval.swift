import Foundation
import HTTP
import OIDC

/// "Opens" an authorization URL by fetching it and following the IdP's redirect to the
/// loopback receiver: what a browser does when the IdP approves at once. The one redirect is
/// followed here, and only to a loopback address: the transport follows none.
public struct DirectApproval: URLOpener {
    var transport: any HTTPTransport = AsyncHTTPTransport.shared

    public init() {}

    public func open(_ url: URL) -> Bool {
        Task { [transport] in
            guard let answer = try? await transport.send(HTTPRequest(method: "GET", url: url.absoluteString), timeout: .seconds(30)),
                  (300..<400).contains(answer.statusCode), let location = answer.header("Location"),
                  let callback = URL(string: location), callback.scheme == "http",
                  ["127.0.0.1", "localhost", "[::1]", "::1"].contains(callback.host ?? "") else { return }
            _ = try? await transport.send(HTTPRequest(method: "GET", url: callback.absoluteString), timeout: .seconds(30))
        }
        return true
    }
}
