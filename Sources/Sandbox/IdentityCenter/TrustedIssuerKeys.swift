import AsyncHTTPClient
import Foundation
import JWTKit
import NIOCore

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
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            guard response.status == .ok else { throw FetchError.unreachable("\(url) answered \(response.status.code)") }
            let body = try await response.body.collect(upTo: 1 << 20)
            guard let json = JSONValue.parse(body.readableBytesView) else { throw FetchError.invalidDocument("\(url) is not JSON") }
            return json
        } catch let error as FetchError {
            throw error
        } catch {
            throw FetchError.unreachable("\(url) could not be fetched")
        }
    }
}
