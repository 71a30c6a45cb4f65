import AWS
import Crypto
import Foundation
import Sandbox

/// Gets an ID token from the sandbox IdP the way a browser would: authorization code + PKCE
/// with a login hint the sandbox approves at once.
enum SandboxSignIn {
    static func idToken(for email: String, at sandbox: RunningSandbox) async throws -> String {
        // The IdP answers /authorize with a redirect to the (absent) loopback receiver; the
        // transport hands redirects back, so the code is read from it instead.
        let http = AsyncHTTPTransport.shared
        let verifier = (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "")
        let challenge = Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))
        let redirect = "http://127.0.0.1:9/callback"
        var query = URLComponents(string: sandbox.issuer + "/authorize")!
        query.queryItems = [
            .init(name: "response_type", value: "code"), .init(name: "client_id", value: "qseek-demo"),
            .init(name: "redirect_uri", value: redirect), .init(name: "code_challenge", value: challenge),
            .init(name: "code_challenge_method", value: "S256"), .init(name: "state", value: "s"),
            .init(name: "nonce", value: "n"), .init(name: "scope", value: "openid email"), .init(name: "login_hint", value: email),
        ]
        let authorize = try await http.send(HTTPRequest(method: "GET", url: query.url!.absoluteString), timeout: .seconds(30))
        guard let location = authorize.header("Location"),
              let code = URLComponents(string: location)?.queryItems?.first(where: { $0.name == "code" })?.value else {
            throw SignInFailure(step: "authorize answered \(authorize.statusCode)")
        }
        var form = URLComponents()
        form.queryItems = [.init(name: "grant_type", value: "authorization_code"), .init(name: "code", value: code),
                           .init(name: "redirect_uri", value: redirect), .init(name: "client_id", value: "qseek-demo"),
                           .init(name: "code_verifier", value: verifier)]
        let response = try await http.send(HTTPRequest(method: "POST", url: sandbox.issuer + "/token",
                                                       headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                                       body: Array((form.percentEncodedQuery ?? "").utf8)),
                                           timeout: .seconds(30))
        guard let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
              let idToken = object["id_token"] as? String else {
            throw SignInFailure(step: "token answered \(response.statusCode)")
        }
        return idToken
    }

    struct SignInFailure: Error { var step: String }
}
