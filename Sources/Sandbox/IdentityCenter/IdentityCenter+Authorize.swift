import Foundation
import Hummingbird

/// Identity Center's `/authorize` for data accessors of the authorization-code type: a sign-in
/// page listing the tenant's members; a `login_hint` naming one of them is approved at once,
/// as the sandbox IdP does for its demo users.
extension IdentityCenter {
    /// GET /sso-oidc/authorize.
    func authorize(_ request: ReceivedRequest) async -> Response {
        await decideAuthorization(request.queryItems, action: request.path)
    }

    /// POST /sso-oidc/authorize: the sign-in page's form, with the chosen member in `member`.
    func approveAuthorization(_ request: ReceivedRequest) async -> Response {
        var parameters = request.form
        guard let email = parameters.removeValue(forKey: "member"), !email.isEmpty else {
            return Responses.html(.badRequest, SignInPage.error("No user was chosen."))
        }
        parameters["login_hint"] = email
        return await decideAuthorization(parameters, action: request.path)
    }

    private func decideAuthorization(_ parameters: [String: String], action: String) async -> Response {
        // Until the client and redirect URI are known good, errors are shown, never redirected (RFC 6749 §4.1.2.1).
        guard let clientID = parameters["client_id"], let tenant = environment.corpus.tenant(idcApplicationARN: clientID) else {
            return Responses.html(.badRequest, SignInPage.error("Unknown client_id: no Identity Center application has this ARN."))
        }
        guard tenant.authentication == .identityCenterAuthCode else {
            return Responses.html(.badRequest, SignInPage.error(
                "This application's data accessor uses trusted token issuers, not the authorization code grant."))
        }
        guard let redirectURI = parameters["redirect_uri"], tenant.redirectURIs.contains(redirectURI) else {
            return Responses.html(.badRequest, SignInPage.error(
                "redirect_uri is not one registered for this data accessor (registered: \(tenant.redirectURIs.joined(separator: ", ")))."))
        }
        let stateValue = parameters["state"]
        func fail(_ code: String, _ text: String) -> Response {
            var items = [("error", code), ("error_description", text)]
            if let stateValue { items.append(("state", stateValue)) }
            return Responses.redirect(to: IdentityProvider.append(items, to: redirectURI))
        }
        guard parameters["response_type"] == "code" else { return fail("unsupported_response_type", "only response_type=code") }
        let challenge = parameters["code_challenge"]
        if let challenge {
            guard (43...128).contains(challenge.count) else { return fail("invalid_request", "code_challenge must be 43-128 characters") }
            guard parameters["code_challenge_method"] == "S256" else { return fail("invalid_request", "code_challenge_method must be S256") }
        } else if parameters["code_challenge_method"] != nil {
            return fail("invalid_request", "code_challenge_method without code_challenge")
        }
        guard let hint = parameters["login_hint"], let member = tenant.member(email: hint) else {
            return Responses.html(.ok, SignInPage.identityCenterChooser(
                tenant: tenant.name, members: tenant.members.map { ($0.email, displayName(of: $0)) },
                parameters: parameters, action: environment.origin + action))
        }
        let code = await authCodes.issueCode(AuthCodeState.PendingCode(
            clientID: clientID, redirectURI: redirectURI, codeChallenge: challenge, email: member.email,
            expires: Date().addingTimeInterval(environment.options.authCodeLifetime)))
        environment.secrets.record("Identity Center authorization code", code)
        var items = [("code", code)]
        if let stateValue { items.append(("state", stateValue)) }
        return Responses.redirect(to: IdentityProvider.append(items, to: redirectURI))
    }

    private func displayName(of member: TenantMember) -> String {
        member.name ?? environment.corpus.user(email: member.email)?.name ?? member.email
    }
}
