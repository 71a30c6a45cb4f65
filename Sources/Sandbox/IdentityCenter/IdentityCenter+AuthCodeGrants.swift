import Crypto
import Foundation
import enum HTTP.JSONValue
import enum HTTP.Base64URL

/// `CreateTokenWithIAM` with the `authorization_code` and `refresh_token` grants, for data
/// accessors of the authorization-code type. Each misuse gets the error AWS documents for it.
extension IdentityCenter {
    static let authorizationCode = "authorization_code"
    static let refreshToken = "refresh_token"

    /// Whether the tenant's application accepts `grantType` at all (`unauthorized_client` if not).
    static func allows(_ grantType: String, for tenant: Tenant) -> Bool {
        switch tenant.authentication {
        case .trustedTokenIssuer: return grantType == jwtBearer
        case .identityCenterAuthCode: return grantType == authorizationCode || grantType == refreshToken
        }
    }

    func authCodeGrant(_ grantType: String, json: JSONValue, tenant: Tenant, clientID: String) async throws -> JSONValue {
        func invalidGrant(_ text: String) -> AWSJSONError {
            .ssoOIDC(.badRequest, type: "InvalidGrantException", code: "invalid_grant", text)
        }
        func invalidRequest(_ text: String) -> AWSJSONError {
            .ssoOIDC(.badRequest, type: "InvalidRequestException", code: "invalid_request", text)
        }
        func expired(_ text: String) -> AWSJSONError {
            .ssoOIDC(.badRequest, type: "ExpiredTokenException", code: "expired_token", text)
        }
        let email: String
        if grantType == Self.authorizationCode {
            guard let code = json["code"]?.stringValue, !code.isEmpty else { throw invalidRequest("code is required") }
            guard let redirectURI = json["redirectUri"]?.stringValue, !redirectURI.isEmpty else {
                throw invalidRequest("redirectUri is required with the authorization_code grant")
            }
            let pending: AuthCodeState.PendingCode
            switch await authCodes.redeem(code) {
            case .valid(let found): pending = found
            case .replayed: throw invalidGrant("the authorization code was already used")
            case .unknown: throw invalidGrant("the authorization code is not valid")
            case .expired: throw expired("the authorization code expired")
            }
            guard pending.clientID == clientID else { throw invalidGrant("the authorization code was issued to another application") }
            guard pending.redirectURI == redirectURI else {
                throw invalidGrant("redirectUri does not match the one of the authorization request")
            }
            if let challenge = pending.codeChallenge {
                guard let verifier = json["codeVerifier"]?.stringValue, !verifier.isEmpty else {
                    throw invalidRequest("codeVerifier is required: the authorization request sent a code_challenge")
                }
                let computed = Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))
                guard constantTimeEquals(computed, challenge) else { throw invalidGrant("codeVerifier does not match the code_challenge") }
            }
            email = pending.email
        } else {
            guard let token = json["refreshToken"]?.stringValue, !token.isEmpty else { throw invalidRequest("refreshToken is required") }
            switch await authCodes.takeRefreshToken(token, clientID: clientID) {
            case .valid(let grant): email = grant.email
            case .otherClient: throw invalidGrant("the refresh token was issued to another application")
            case .expired: throw expired("the refresh token expired")
            case .unknown: throw invalidGrant("the refresh token is not valid (used, revoked or unknown)")
            }
        }
        guard let member = tenant.member(email: email) else {
            throw AWSJSONError.ssoOIDC(.badRequest, type: "AccessDeniedException", code: "access_denied",
                                       "the user is no longer assigned to this data accessor")
        }
        let refreshToken = await authCodes.issueRefreshToken(clientID: clientID, email: member.email)
        environment.secrets.record("Identity Center refresh token", refreshToken)
        return try await tokenResponse(tenant: tenant, member: member, clientID: clientID, refreshToken: refreshToken)
    }
}
