import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import Sandbox

/// Gets an ID token from the sandbox IdP the way a browser would: authorization code + PKCE
/// with a login hint the sandbox approves at once.
enum SandboxSignIn {
    static func idToken(for email: String, at sandbox: RunningSandbox) async throws -> String {
        // The IdP answers /authorize with a redirect to the (absent) loopback receiver: read
        // the code from it instead of following it.
        let client = HTTPClient(configuration: .init(redirectConfiguration: .disallow))
        do {
            let token = try await idToken(for: email, at: sandbox, client: client)
            try await client.shutdown()
            return token
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private static func idToken(for email: String, at sandbox: RunningSandbox, client: HTTPClient) async throws -> String {
        let verifier = (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "")
        let challenge = Data(SHA256.hash(data: Data(verifier.utf8))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let redirect = "http://127.0.0.1:9/callback"
        var query = URLComponents(string: sandbox.issuer + "/authorize")!
        query.queryItems = [
            .init(name: "response_type", value: "code"), .init(name: "client_id", value: "qseek-demo"),
            .init(name: "redirect_uri", value: redirect), .init(name: "code_challenge", value: challenge),
            .init(name: "code_challenge_method", value: "S256"), .init(name: "state", value: "s"),
            .init(name: "nonce", value: "n"), .init(name: "scope", value: "openid email"), .init(name: "login_hint", value: email),
        ]
        let authorize = try await client.execute(HTTPClientRequest(url: query.url!.absoluteString), timeout: .seconds(30))
        guard let location = authorize.headers.first(name: "location"),
              let code = URLComponents(string: location)?.queryItems?.first(where: { $0.name == "code" })?.value else {
            throw SignInFailure(step: "authorize answered \(authorize.status.code)")
        }
        var token = HTTPClientRequest(url: sandbox.issuer + "/token")
        token.method = .POST
        token.headers.add(name: "content-type", value: "application/x-www-form-urlencoded")
        var form = URLComponents()
        form.queryItems = [.init(name: "grant_type", value: "authorization_code"), .init(name: "code", value: code),
                           .init(name: "redirect_uri", value: redirect), .init(name: "client_id", value: "qseek-demo"),
                           .init(name: "code_verifier", value: verifier)]
        token.body = .bytes(ByteBuffer(string: form.percentEncodedQuery ?? ""))
        let response = try await client.execute(token, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
              let idToken = object["id_token"] as? String else {
            throw SignInFailure(step: "token answered \(response.status.code)")
        }
        return idToken
    }

    struct SignInFailure: Error { var step: String }
}
