import Crypto
import Foundation
import enum HTTP.JSONValue
import enum HTTP.Base64URL
import HTTPTypes
import Hummingbird

/// The ISV's OpenID Connect provider: discovery, JWKS, authorization code with PKCE (S256 only),
/// refresh, device authorization, userinfo and revocation, under `/idp`.
struct IdentityProvider: Sendable {
    let environment: SandboxEnvironment
    let state = IdPState()
    let key: SigningKey

    var issuer: String { environment.origin + "/idp" }

    func discovery() -> Response {
        var document: [String: JSONValue] = ["issuer": .string(issuer)]
        let endpoints = ["authorization_endpoint": "/authorize", "token_endpoint": "/token", "jwks_uri": "/jwks",
                         "userinfo_endpoint": "/userinfo", "device_authorization_endpoint": "/device_authorization",
                         "revocation_endpoint": "/revoke"]
        for (name, path) in endpoints { document[name] = .string(issuer + path) }
        let lists: [String: [String]] = [
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["none"],
            "scopes_supported": ["openid", "email", "profile", "offline_access"],
            "claims_supported": ["iss", "sub", "aud", "exp", "iat", "nonce", "email", "name", "tenants"],
        ]
        for (name, values) in lists { document[name] = .array(values.map(JSONValue.string)) }
        return Responses.json(.ok, .object(document))
    }

    func jwks() async -> Response {
        guard let keys = try? await key.jwks() else {
            return Responses.json(.internalServerError, ["error": "the signing key could not be made"])
        }
        return Responses.json(.ok, keys)
    }

    // MARK: Authorization endpoint

    /// GET /idp/authorize: a `login_hint` naming a demo user is approved at once; otherwise the
    /// sign-in page lists the demo users.
    func authorize(_ request: ReceivedRequest) async -> Response {
        await decide(parameters: request.queryItems)
    }

    /// POST /idp/authorize: the sign-in page's form, with the chosen user in `subject`.
    func approve(_ request: ReceivedRequest) async -> Response {
        var parameters = request.form
        guard let subject = parameters.removeValue(forKey: "subject") else {
            return Responses.html(.badRequest, SignInPage.error("No user was chosen."))
        }
        parameters["login_hint"] = environment.corpus.user(subject: subject)?.email ?? subject
        return await decide(parameters: parameters)
    }

    private func decide(parameters: [String: String]) async -> Response {
        // Until the client and redirect URI are known good, errors are shown, never redirected (RFC 6749 §4.1.2.1).
        guard let clientID = parameters["client_id"], clientID == environment.corpus.clientID else {
            return Responses.html(.badRequest, SignInPage.error("Unknown client_id."))
        }
        guard let redirectURI = parameters["redirect_uri"], Self.isLoopbackRedirect(redirectURI) else {
            return Responses.html(.badRequest, SignInPage.error("redirect_uri must be http://127.0.0.1:PORT/… or http://localhost:PORT/…"))
        }
        let stateValue = parameters["state"]
        func fail(_ code: String, _ text: String) -> Response {
            var items = [("error", code), ("error_description", text)]
            if let stateValue { items.append(("state", stateValue)) }
            return Responses.redirect(to: Self.append(items, to: redirectURI))
        }
        guard parameters["response_type"] == "code" else { return fail("unsupported_response_type", "only response_type=code") }
        guard let challenge = parameters["code_challenge"], (43...128).contains(challenge.count) else {
            return fail("invalid_request", "PKCE is required: code_challenge with code_challenge_method=S256")
        }
        guard parameters["code_challenge_method"] == "S256" else { return fail("invalid_request", "code_challenge_method must be S256") }
        let scope = parameters["scope"] ?? "openid"
        guard scope.split(separator: " ").contains("openid") else { return fail("invalid_scope", "scope must include openid") }
        let pending = IdPState.AuthorizationRequest(clientID: clientID, redirectURI: redirectURI, codeChallenge: challenge,
                                                    state: stateValue, nonce: parameters["nonce"], scope: scope)
        guard let hint = parameters["login_hint"], let user = environment.corpus.user(email: hint) ?? environment.corpus.user(subject: hint) else {
            return Responses.html(.ok, SignInPage.chooser(users: environment.corpus.users, parameters: parameters, action: issuer + "/authorize"))
        }
        let code = await state.issueCode(for: pending, subject: user.subject)
        var items = [("code", code), ("iss", issuer)]
        if let stateValue { items.append(("state", stateValue)) }
        return Responses.redirect(to: Self.append(items, to: redirectURI))
    }

    static func isLoopbackRedirect(_ uri: String) -> Bool {
        guard let components = URLComponents(string: uri), components.scheme == "http",
              let host = components.host, ["127.0.0.1", "localhost"].contains(host), components.port != nil,
              components.fragment == nil, components.user == nil else { return false }
        return true
    }

    static func append(_ items: [(String, String)], to uri: String) -> String {
        uri + (uri.contains("?") ? "&" : "?") + FormBody.encode(items)
    }

    // MARK: Token endpoint

    func token(_ request: ReceivedRequest) async -> Response {
        let form = request.form
        do {
            guard request.header("content-type")?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
                throw OAuthError.invalidRequest("the token endpoint takes application/x-www-form-urlencoded")
            }
            guard let clientID = form["client_id"], clientID == environment.corpus.clientID else {
                throw OAuthError.invalidClient("unknown client_id")
            }
            switch form["grant_type"] {
            case "authorization_code": return try await redeemCode(form, clientID: clientID)
            case "refresh_token": return try await refresh(form, clientID: clientID)
            case "urn:ietf:params:oauth:grant-type:device_code": return try await pollDevice(form, clientID: clientID)
            case nil: throw OAuthError.invalidRequest("grant_type is required")
            default: throw OAuthError(code: "unsupported_grant_type", description: "this grant type is not supported")
            }
        } catch let error as OAuthError {
            return Responses.oauthError(error)
        } catch {
            return Responses.oauthError(OAuthError(code: "server_error", description: "could not sign the token", status: .internalServerError))
        }
    }

    private func redeemCode(_ form: [String: String], clientID: String) async throws -> Response {
        guard let code = form["code"], let verifier = form["code_verifier"], let redirectURI = form["redirect_uri"] else {
            throw OAuthError.invalidRequest("code, code_verifier and redirect_uri are required")
        }
        let pending: IdPState.PendingCode
        switch await state.redeemCode(code) {
        case .valid(let found): pending = found
        case .replayed: throw OAuthError.invalidGrant("the authorization code was already used; tokens issued with it are revoked")
        case .unknown: throw OAuthError.invalidGrant("unknown authorization code")
        case .expired: throw OAuthError.invalidGrant("the authorization code expired")
        }
        guard pending.request.clientID == clientID else { throw OAuthError.invalidGrant("the code was issued to another client") }
        guard pending.request.redirectURI == redirectURI else { throw OAuthError.invalidGrant("redirect_uri does not match the authorization request") }
        guard Self.isValidVerifier(verifier) else { throw OAuthError.invalidRequest("code_verifier must be 43-128 characters of [A-Za-z0-9-._~]") }
        let computed = Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))
        guard constantTimeEquals(computed, pending.request.codeChallenge) else {
            throw OAuthError.invalidGrant("code_verifier does not match the code_challenge")
        }
        let (response, tokens) = try await tokenResponse(subject: pending.subject, clientID: clientID,
                                                          scope: pending.request.scope, nonce: pending.request.nonce)
        await state.recordTokens(tokens, fromCode: code)
        return response
    }

    private func refresh(_ form: [String: String], clientID: String) async throws -> Response {
        guard let token = form["refresh_token"] else { throw OAuthError.invalidRequest("refresh_token is required") }
        guard let grant = await state.takeRefreshToken(token), grant.clientID == clientID else {
            throw OAuthError.invalidGrant("the refresh token is unknown, used or revoked")
        }
        return try await tokenResponse(subject: grant.subject, clientID: clientID, scope: grant.scope, nonce: nil).0
    }

    private func pollDevice(_ form: [String: String], clientID: String) async throws -> Response {
        guard let deviceCode = form["device_code"] else { throw OAuthError.invalidRequest("device_code is required") }
        switch await state.pollDevice(deviceCode, clientID: clientID) {
        case .approved(let grant):
            return try await tokenResponse(subject: grant.approvedSubject ?? "", clientID: clientID, scope: grant.scope, nonce: nil).0
        case .pending: throw OAuthError(code: "authorization_pending", description: "the user has not approved the request yet")
        case .slowDown: throw OAuthError(code: "slow_down", description: "polling too fast")
        case .expired: throw OAuthError(code: "expired_token", description: "the device code expired")
        case .unknown: throw OAuthError.invalidGrant("unknown device code")
        }
    }

    private func tokenResponse(subject: String, clientID: String, scope: String, nonce: String?) async throws -> (Response, [String]) {
        guard let user = environment.corpus.user(subject: subject) else { throw OAuthError.invalidGrant("the user no longer exists") }
        let lifetime = environment.options.idTokenLifetime
        let now = Date()
        let grant = IdPState.Grant(subject: subject, clientID: clientID, scope: scope, expires: now.addingTimeInterval(3600))
        let accessToken = await state.issueAccessToken(grant)
        let refreshToken = await state.issueRefreshToken(grant)
        var claims: [String: JSONValue] = [
            "iss": .string(issuer), "aud": .string(clientID), "sub": .string(user.subject),
            "email": .string(user.email), "email_verified": true, "name": .string(user.name),
            "iat": .number(now.timeIntervalSince1970.rounded(.down)), "auth_time": .number(now.timeIntervalSince1970.rounded(.down)),
            "exp": .number((now.timeIntervalSince1970 + lifetime).rounded(.down)),
            "tenants": .array(environment.corpus.tenantIDs(of: user).map(JSONValue.string)),
        ]
        if let nonce { claims["nonce"] = .string(nonce) }
        let idToken = try await key.sign(claims)
        environment.secrets.record("IdP ID token", idToken)
        environment.secrets.record("IdP access token", accessToken)
        environment.secrets.record("IdP refresh token", refreshToken)
        let body: JSONValue = [
            "access_token": .string(accessToken), "token_type": "Bearer", "expires_in": 3600,
            "id_token": .string(idToken), "refresh_token": .string(refreshToken), "scope": .string(scope),
        ]
        return (Responses.oauth(.ok, body), [accessToken, refreshToken])
    }

    static func isValidVerifier(_ verifier: String) -> Bool {
        (43...128).contains(verifier.count)
            && verifier.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._~".contains($0)) }
    }
}
