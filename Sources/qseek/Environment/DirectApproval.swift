import AsyncHTTPClient
import Foundation
import OIDC

/// "Opens" an authorization URL by fetching it and following the IdP's redirect to the
/// loopback receiver: what a browser does when the IdP approves at once.
struct DirectApproval: URLOpener {
    func open(_ url: URL) -> Bool {
        Task {
            var request = HTTPClientRequest(url: url.absoluteString)
            request.method = .GET
            let client = HTTPClient(configuration: .init(redirectConfiguration: .follow(max: 3, allowCycles: false)))
            _ = try? await client.execute(request, timeout: .seconds(30))
            try? await client.shutdown()
        }
        return true
    }
}
