import Crypto
import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import OIDC

/// Plays the user's browser: reads the authorization URL, notes whether the receiver was
/// already listening, and (like the IdP after a successful login) redirects to the receiver.
final class PlayingBrowser: URLOpener, @unchecked Sendable {
    struct Seen {
        var query: [String: String] = [:]
        var receiverWasListening = false
    }

    let seen = NIOLockedValueBox(Seen())
    let respond: @Sendable (_ query: [String: String]) async throws -> String

    /// `respond` gets the authorization request's query and returns the query string the IdP
    /// would send back to the redirect URI.
    init(respond: @escaping @Sendable (_ query: [String: String]) async throws -> String) {
        self.respond = respond
    }

    func open(_ url: URL) -> Bool {
        var query: [String: String] = [:]
        for item in URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? [] {
            query[item.name] = item.value
        }
        let redirect = URL(string: query["redirect_uri"] ?? "")!
        let listening = isListening(port: redirect.port ?? 0)
        seen.withLockedValue { $0 = Seen(query: query, receiverWasListening: listening) }
        let respond = self.respond
        Task {
            let answer = try await respond(query)
            // The redirect host may be `localhost`; the receiver is on 127.0.0.1 either way.
            let target = URL(string: "http://127.0.0.1:\(redirect.port!)\(redirect.path)?\(answer)")!
            _ = try await AsyncHTTPTransport.shared.exchange(HTTPRequest(method: "GET", url: target.absoluteString))
        }
        return true
    }
}

@Suite("Authorization code + PKCE")
struct AuthorizationCodeFlowTests {
    let idp = TestIdentityProvider()

    /// Routes the token endpoint to check PKCE and answer with a token carrying the nonce.
    func serveTokens(for browser: PlayingBrowser, signed token: NIOLockedValueBox<String>) {
        idp.transport.route("\(idp.issuer)/token") { request in
            let fields = request.formFields
            let sent = browser.seen.withLockedValue { $0.query }
            let challenge = base64url(Data(SHA256.hash(data: Data((fields["code_verifier"] ?? "").utf8))))
            guard fields["grant_type"] == "authorization_code", fields["code"] == "good-code",
                fields["redirect_uri"] == sent["redirect_uri"], challenge == sent["code_challenge"],
                fields["client_id"] == TestIdentityProvider.clientID
            else {
                return HTTPResponse(status: 400, body: Data(#"{"error":"invalid_grant"}"#.utf8))
            }
            let body = try JSONSerialization.data(withJSONObject: [
                "access_token": "at-1", "token_type": "Bearer", "id_token": token.withLockedValue { $0 },
                "refresh_token": "rt-1", "expires_in": 3600,
            ])
            return HTTPResponse(status: 200, body: body)
        }
    }

    func endpoint() async throws -> TokenEndpoint {
        let metadata = try await idp.metadata()
        return TokenEndpoint(metadata: metadata, client: .none(clientID: TestIdentityProvider.clientID), verifier: try await idp.verifier(), transport: idp.transport)
    }

    @Test func aFullSignInChecksPKCEAndTheNonceAndReportsTheURL() async throws {
        let token = NIOLockedValueBox("")
        let idp = self.idp
        let browser = PlayingBrowser { query in
            let signed = try await idp.sign(idp.claims(nonce: query["nonce"]))
            token.withLockedValue { $0 = signed }
            return "code=good-code&state=\(query["state"]!)"
        }
        serveTokens(for: browser, signed: token)
        let configuration = IdentityConfiguration(issuer: idp.issuer, clientID: TestIdentityProvider.clientID, redirectHost: "localhost")
        let flow = AuthorizationCodeFlow(configuration: configuration, endpoint: try await endpoint(), browser: browser)
        let reported = NIOLockedValueBox<[SignInProgress]>([])
        let tokens = try await flow.run(options: .init(loginHint: "alice@example.test", timeout: .seconds(120))) { step in
            reported.withLockedValue { $0.append(step) }
        }

        #expect(tokens.claims.subject == "alice")
        #expect(tokens.refreshToken == "rt-1")
        let query = browser.seen.withLockedValue { $0.query }
        #expect(browser.seen.withLockedValue { $0.receiverWasListening })
        #expect(query["code_challenge_method"] == "S256")
        #expect(query["response_type"] == "code")
        #expect(query["login_hint"] == "alice@example.test")
        #expect(query["redirect_uri"]!.hasPrefix("http://localhost:"))
        #expect(query["state"]!.count == 43)
        #expect(query["nonce"]!.count == 43)
        #expect(query["scope"] == "openid email profile")
        let steps = reported.withLockedValue { $0 }
        #expect(steps.contains { if case .authorizationURL = $0 { return true } else { return false } })
        #expect(steps.last == .signedIn(subject: "alice"))
    }

    @Test func everyAttemptUsesFreshStateNonceAndVerifier() {
        let endpoint = URL(string: "https://idp.example.test/authorize")!
        let a = try! AuthorizationRequest(endpoint: endpoint, clientID: "c", redirectURI: "http://127.0.0.1:1/callback", scopes: ["openid"], loginHint: nil)
        let b = try! AuthorizationRequest(endpoint: endpoint, clientID: "c", redirectURI: "http://127.0.0.1:1/callback", scopes: ["openid"], loginHint: nil)
        #expect(a.state != b.state)
        #expect(a.nonce != b.nonce)
        #expect(a.pkce.verifier != b.pkce.verifier)
        #expect(a.pkce.challenge == base64url(Data(SHA256.hash(data: Data(a.pkce.verifier.utf8)))))
    }

    @Test func aTokenAnsweringAnotherNonceIsRefused() async throws {
        let token = NIOLockedValueBox("")
        let idp = self.idp
        let browser = PlayingBrowser { query in
            let signed = try await idp.sign(idp.claims(nonce: "replayed-nonce"))
            token.withLockedValue { $0 = signed }
            return "code=good-code&state=\(query["state"]!)"
        }
        serveTokens(for: browser, signed: token)
        let flow = AuthorizationCodeFlow(configuration: .init(issuer: idp.issuer, clientID: TestIdentityProvider.clientID), endpoint: try await endpoint(), browser: browser)
        await #expect(throws: OIDCError.nonceMismatch) {
            try await flow.run(options: .init(timeout: .seconds(120))) { _ in }
        }
    }

    @Test func aRefusalAtTheIdPIsReportedInWords() async throws {
        let browser = PlayingBrowser { query in "error=access_denied&error_description=User%20said%20no&state=\(query["state"]!)" }
        let flow = AuthorizationCodeFlow(configuration: .init(issuer: idp.issuer, clientID: TestIdentityProvider.clientID), endpoint: try await endpoint(), browser: browser)
        do {
            _ = try await flow.run(options: .init(timeout: .seconds(120))) { _ in }
            Issue.record("sign-in should fail")
        } catch let error as OIDCError {
            #expect(error == .authorizationDenied(error: "access_denied", description: "User said no"))
            #expect(error.userMessage.contains("User said no"))
        }
    }

    @Test func noBrowserModeOnlyReportsTheURLAndTimesOut() async throws {
        let browser = PlayingBrowser { _ in Issue.record("the browser must not be opened"); return "" }
        let flow = AuthorizationCodeFlow(configuration: .init(issuer: idp.issuer, clientID: TestIdentityProvider.clientID), endpoint: try await endpoint(), browser: browser)
        let urls = NIOLockedValueBox<[URL]>([])
        await #expect(throws: OIDCError.timedOut(after: .seconds(1))) {
            try await flow.run(options: .init(openBrowser: false, timeout: .seconds(1))) { step in
                if case .authorizationURL(let url) = step { urls.withLockedValue { $0.append(url) } }
            }
        }
        #expect(urls.withLockedValue { $0.count } == 1)
        #expect(browser.seen.withLockedValue { $0.query.isEmpty })
    }

    @Test func anIdPWithoutS256IsRefusedBeforeAnythingIsOpened() async throws {
        let idp = TestIdentityProvider(extraMetadata: ["code_challenge_methods_supported": ["plain"]])
        let metadata = try await idp.metadata()
        let endpoint = TokenEndpoint(metadata: metadata, client: .none(clientID: "c"), verifier: try await idp.verifier(), transport: idp.transport)
        let browser = PlayingBrowser { _ in "" }
        let flow = AuthorizationCodeFlow(configuration: .init(issuer: idp.issuer, clientID: "c"), endpoint: endpoint, browser: browser)
        await #expect(throws: OIDCError.pkceS256Unsupported(issuer: idp.issuer)) {
            try await flow.run(options: .init(timeout: .seconds(1))) { _ in }
        }
        #expect(browser.seen.withLockedValue { $0.query.isEmpty })
    }
}
