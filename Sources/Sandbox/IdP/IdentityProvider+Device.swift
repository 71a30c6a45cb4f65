import Foundation
import enum HTTP.JSONValue
import HTTPTypes
import Hummingbird

extension IdentityProvider {
    /// POST /idp/device_authorization (RFC 8628 §3.1).
    func deviceAuthorization(_ request: ReceivedRequest) async -> Response {
        let form = request.form
        guard let clientID = form["client_id"], clientID == environment.corpus.clientID else {
            return Responses.oauthError(.invalidClient("unknown client_id"))
        }
        let scope = form["scope"] ?? "openid"
        let (deviceCode, userCode) = await state.startDeviceGrant(clientID: clientID, scope: scope)
        let verification = issuer + "/device"
        return Responses.oauth(.ok, [
            "device_code": .string(deviceCode), "user_code": .string(userCode),
            "verification_uri": .string(verification),
            "verification_uri_complete": .string(verification + "?" + FormBody.encode([("user_code", userCode)])),
            "expires_in": .number(IdPState.deviceLifetime), "interval": .number(IdPState.deviceInterval),
        ])
    }

    /// GET /idp/device: the verification page, where a person enters the code and picks a user.
    func devicePage(_ request: ReceivedRequest) -> Response {
        Responses.html(.ok, SignInPage.device(users: environment.corpus.users, userCode: request.queryItems["user_code"] ?? "",
                                              action: issuer + "/device"))
    }

    /// POST /idp/device: approves the grant with `user_code` for the chosen `subject`.
    func approveDevice(_ request: ReceivedRequest) async -> Response {
        let form = request.form
        guard let subject = form["subject"], environment.corpus.user(subject: subject) != nil else {
            return Responses.html(.badRequest, SignInPage.error("Choose a user."))
        }
        guard let userCode = form["user_code"], await state.approveDevice(userCode: userCode, subject: subject) else {
            return Responses.html(.badRequest, SignInPage.error("That code is unknown or expired."))
        }
        return Responses.html(.ok, SignInPage.message("Device approved. You can return to your terminal."))
    }

    /// GET /idp/userinfo with `Authorization: Bearer <access token>`.
    func userinfo(_ request: ReceivedRequest) async -> Response {
        guard let header = request.header("authorization"), header.lowercased().hasPrefix("bearer "),
              let grant = await state.accessGrant(String(header.dropFirst(7))),
              let user = environment.corpus.user(subject: grant.subject) else {
            var response = Responses.json(.unauthorized, ["error": "invalid_token", "error_description": "a valid Bearer access token is required"])
            response.headers[.wwwAuthenticate] = "Bearer error=\"invalid_token\""
            return response
        }
        return Responses.json(.ok, [
            "sub": .string(user.subject), "email": .string(user.email), "email_verified": true, "name": .string(user.name),
            "tenants": .array(environment.corpus.tenantIDs(of: user).map(JSONValue.string)),
        ])
    }

    /// POST /idp/revoke (RFC 7009): always 200, whether or not the token was known.
    func revoke(_ request: ReceivedRequest) async -> Response {
        let form = request.form
        guard form["client_id"] == environment.corpus.clientID else { return Responses.oauthError(.invalidClient("unknown client_id")) }
        guard let token = form["token"] else { return Responses.oauthError(.invalidRequest("token is required")) }
        await state.revoke(token)
        return Response(status: .ok)
    }
}
