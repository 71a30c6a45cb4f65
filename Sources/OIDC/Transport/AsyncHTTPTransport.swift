import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One client for the whole process (it is never shut down, so it is never deinitialised).
/// Redirects are refused: discovery, JWKS, token, device and revocation endpoints are served
/// directly, and following a redirect could carry a client secret or refresh token to
/// another host. A refused connection fails at once (AsyncHTTPClient would otherwise retry it
/// until the connect timeout): an IdP that is down is said to be down without a 30-second wait.
private let identityProviderClient: HTTPClient = {
    var configuration = HTTPClient.Configuration.singletonConfiguration
    configuration.redirectConfiguration = .disallow
    configuration.connectionPool.retryConnectionEstablishment = false
    configuration.timeout.connect = .seconds(10)
    return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
}()

/// ``HTTPTransport`` over AsyncHTTPClient, with a timeout on every call and a cap on response
/// size so a hostile or broken IdP cannot hang or exhaust the client.
public struct AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    private let timeout: TimeAmount
    private let maxResponseBytes: Int

    public init(timeoutSeconds: Int64 = 30, maxResponseBytes: Int = 1 << 20) {
        self.client = identityProviderClient
        self.timeout = .seconds(timeoutSeconds)
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = request.method == .get ? .GET : .POST
        outgoing.headers.add(name: "User-Agent", value: "qseek")
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let host = request.url.host ?? request.url.absoluteString
        do {
            let response = try await client.execute(outgoing, timeout: timeout)
            let body = try await response.body.collect(upTo: maxResponseBytes)
            return HTTPResponse(status: Int(response.status.code), body: Data(body.readableBytesView))
        } catch is CancellationError {
            throw OIDCError.cancelled
        } catch let error as OIDCError {
            throw error
        } catch {
            throw OIDCError.network(host: host, reason: String(describing: error))
        }
    }
}
