import AWS
import Foundation
import JWTKit

/// The signing keys of a trusted token issuer, found the way Identity Center finds them: OIDC
/// discovery at `{issuer}/.well-known/openid-configuration`, then its `jwks_uri`. Cached, and
/// fetched again once when a token names a key the cache does not have.
actor TrustedIssuerKeys {
    enum FetchError: Error, Sendable {
        case unreachable(String)
        case invalidDocument(String)
    }

    private var cached: [String: (keys: JWTKeyCollection, kids: Set<String>, fetched: Date)] = [:]
    static let cacheLifetime: TimeInterval = 300
    /// Follows no redirect: Identity Center fetches the documents where the issuer says they are.
    private let transport: any HTTPTransport

    init(transport: any HTTPTransport = AsyncHTTPTransport.shared.limitingResponses(to: 1 << 20)) {
        self.transport = transport
    }

    func keys(issuer: String, kid: String?) async throws -> JWTKeyCollection {
        if let entry = cached[issuer], Date().timeIntervalSince(entry.fetched) < Self.cacheLifetime,
           kid.map(entry.kids.contains) ?? true {
            return entry.keys
        }
        let discovery = try await fetchJSON(issuer + "/.well-known/openid-configuration")
        guard discovery["issuer"]?.stringValue == issuer else {
            throw FetchError.invalidDocument("the discovery document's issuer is not \(issuer)")
        }
        guard let jwksURI = discovery["jwks_uri"]?.stringValue else { throw FetchError.invalidDocument("no jwks_uri") }
        let jwks = try await fetchJSON(jwksURI)
        let keys = JWTKeyCollection()
        let text = String(decoding: jwks.serialized(), as: UTF8.self)
        do {
            try await keys.add(jwksJSON: text)
        } catch {
            throw FetchError.invalidDocument("the JWKS could not be read")
        }
        let kids = Set(jwks["keys"]?.arrayValue?.compactMap { $0["kid"]?.stringValue } ?? [])
        cached[issuer] = (keys, kids, Date())
        return keys
    }

    private func fetchJSON(_ url: String) async throws -> JSONValue {
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: "GET", url: url, headers: [("Accept", "application/json")]),
                                                 timeout: .seconds(10))
        } catch {
            throw FetchError.unreachable("\(url) could not be fetched")
        }
        guard response.statusCode == 200 else { throw FetchError.unreachable("\(url) answered \(response.statusCode)") }
        guard let json = JSONValue.parse(response.body) else { throw FetchError.invalidDocument("\(url) is not JSON") }
        return json
    }
}
