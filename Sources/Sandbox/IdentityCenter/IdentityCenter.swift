import Foundation
import enum HTTP.JSONValue
import enum HTTP.Base64URL
import HTTPTypes
import Hummingbird
import JWTKit

/// The customers' IAM Identity Center: `CreateTokenWithIAM` with the JWT bearer grant, which
/// trades the ISV's ID token for an Identity Center token carrying an identity context, and
/// (for auth-code data accessors) `/authorize` with the code and refresh grants
/// (`IdentityCenter+Authorize.swift`, `IdentityCenter+AuthCodeGrants.swift`).
struct IdentityCenter: Sendable {
    let environment: SandboxEnvironment
    let key: SigningKey
    let issuerKeys = TrustedIssuerKeys()
    let authCodes = AuthCodeState()

    static let jwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer"
    /// Tokens may be this many seconds past `exp` (clock skew).
    static let leeway: TimeInterval = 5

    func createTokenWithIAM(_ request: ReceivedRequest) async -> Response {
        let requestID = Responses.requestID()
        do {
            let body = try await handle(request)
            return Responses.json(.ok, body, headers: [(.amznRequestID, requestID)])
        } catch let error as AWSJSONError {
            return Responses.awsJSONError(error, requestID: requestID)
        } catch {
            return Responses.awsJSONError(.ssoOIDC(.internalServerError, type: "InternalServerException", code: "server_error",
                                                   "internal error"), requestID: requestID)
        }
    }

    private func handle(_ request: ReceivedRequest) async throws -> JSONValue {
        guard request.queryItems["aws_iam"] == "t" else {
            throw AWSJSONError.ssoOIDC(.badRequest, type: "InvalidRequestException", code: "invalid_request", "CreateTokenWithIAM is POST /token?aws_iam=t")
        }
        let authenticated: AuthenticatedRequest
        do {
            authenticated = try await environment.authenticator.authenticate(request, service: "sso-oauth")
        } catch {
            throw error.jsonError
        }
        guard let json = JSONValue.parse(request.body), json.objectValue != nil else {
            throw AWSJSONError.ssoOIDC(.badRequest, type: "InvalidRequestException", code: "invalid_request", "the body is not a JSON object")
        }
        guard let clientID = json["clientId"]?.stringValue, let grantType = json["grantType"]?.stringValue else {
            throw AWSJSONError.ssoOIDC(.badRequest, type: "InvalidRequestException", code: "invalid_request", "clientId and grantType are required")
        }
        guard let tenant = environment.corpus.tenant(idcApplicationARN: clientID) else {
            throw AWSJSONError.ssoOIDC(.unauthorized, type: "InvalidClientException", code: "invalid_client", "unknown client: \(clientID)")
        }
        guard authenticated.region == tenant.idcRegion else {
            throw AWSJSONError.ssoOIDC(.badRequest, type: "InvalidRequestRegionException", code: "invalid_request",
                                       "the application is in another region", extra: [
                                           "endpoint": .string("https://oidc.\(tenant.idcRegion).amazonaws.com"),
                                           "region": .string(tenant.idcRegion),
                                       ])
        }
        guard case .session(let session) = authenticated.caller, session.identity == nil else {
            throw AWSJSONError.ssoOIDC(.badRequest, type: "AccessDeniedException", code: "access_denied",
                                       "the caller is not the data-accessor role (use credentials from AssumeRole with the tenant tag)")
        }
        guard [Self.jwtBearer, Self.authorizationCode, Self.refreshToken].contains(grantType) else {
            throw AWSJSONError.ssoOIDC(.badRequest, type: "UnsupportedGrantTypeException", code: "unsupported_grant_type",
                                       "grantType must be \(Self.jwtBearer), \(Self.authorizationCode) or \(Self.refreshToken)")
        }
        guard Self.allows(grantType, for: tenant) else {
            throw AWSJSONError.ssoOIDC(.badRequest, type: "UnauthorizedClientException", code: "unauthorized_client",
                                       "this application's data accessor does not accept the \(grantType) grant")
        }
        if grantType != Self.jwtBearer {
            return try await authCodeGrant(grantType, json: json, tenant: tenant, clientID: clientID)
        }
        guard let assertion = json["assertion"]?.stringValue, !assertion.isEmpty else {
            throw AWSJSONError.ssoOIDC(.badRequest, type: "InvalidRequestException", code: "invalid_request", "assertion is required")
        }
        let email = try await verifiedUserClaim(assertion)
        guard let member = tenant.member(email: email) else {
            if environment.corpus.user(email: email) != nil {
                throw AWSJSONError.ssoOIDC(.badRequest, type: "AccessDeniedException", code: "access_denied",
                                           "the user is not assigned to this data accessor")
            }
            throw AWSJSONError.ssoOIDC(.badRequest, type: "InvalidGrantException", code: "invalid_grant",
                                       "no user of this Identity Center matches the token's claim")
        }
        if let fault = environment.faults.plan.scripted.identityCenterError {
            let shape = fault.shape
            throw AWSJSONError.ssoOIDC(.badRequest, type: shape.type, code: shape.code, shape.description,
                                       extra: shape.reason.map { ["reason": JSONValue.string($0)] } ?? [:])
        }
        return try await tokenResponse(tenant: tenant, member: member, clientID: clientID)
    }

    /// Verifies the ID token against the trusted issuer and returns the mapped claim's value.
    private func verifiedUserClaim(_ assertion: String) async throws -> String {
        let trust = environment.options.trustedIssuer
            ?? TrustedIssuer(issuer: environment.origin + "/idp", audience: environment.corpus.clientID, claim: "email")
        func refuse(_ text: String) -> AWSJSONError {
            .ssoOIDC(.badRequest, type: "InvalidGrantException", code: "invalid_grant", text)
        }
        let kid = JWTHeaderPeek.kid(of: assertion)
        let claims: Claims
        do {
            let keys = try await issuerKeys.keys(issuer: trust.issuer, kid: kid)
            claims = try await keys.verify(assertion, as: Claims.self)
        } catch is TrustedIssuerKeys.FetchError {
            throw refuse("the trusted token issuer's keys could not be fetched")
        } catch {
            throw refuse("the assertion's signature is not valid for the trusted token issuer")
        }
        guard claims.values["iss"]?.stringValue == trust.issuer else { throw refuse("the assertion's issuer is not trusted") }
        let audiences = claims.values["aud"]?.arrayValue?.compactMap(\.stringValue) ?? [claims.values["aud"]?.stringValue].compactMap { $0 }
        guard audiences.contains(trust.audience) else { throw refuse("the assertion's audience is not the trusted audience") }
        let now = Date().timeIntervalSince1970
        guard let exp = claims.values["exp"]?.numberValue else { throw refuse("the assertion has no exp") }
        guard exp + Self.leeway > now else { throw refuse("the assertion has expired") }
        if let nbf = claims.values["nbf"]?.numberValue, nbf - Self.leeway > now { throw refuse("the assertion is not valid yet") }
        guard let value = claims.values[trust.claim]?.stringValue, !value.isEmpty else {
            throw refuse("the assertion has no \(trust.claim) claim")
        }
        return value
    }

    /// The token answer; `refreshToken` only for the authorization-code grants (jwt-bearer gets none).
    func tokenResponse(tenant: Tenant, member: TenantMember, clientID: String, refreshToken: String? = nil) async throws -> JSONValue {
        let now = Date().timeIntervalSince1970.rounded(.down)
        let lifetime: TimeInterval = 3600
        // `identity-context-lifetime=0s` issues contexts STS will refuse as expired.
        let contextLifetime = environment.faults.plan.scripted.identityContextLifetime ?? lifetime
        let context = environment.identityContexts.seal(IdentityContext.Claims(
            tenant: tenant.id, email: member.email, groups: member.groups, application: clientID,
            issuedAt: now, expiresAt: now + contextLifetime))
        let idToken = try await key.sign([
            "iss": .string(environment.origin + "/sso-oidc/\(tenant.id)"), "aud": .string(clientID),
            "sub": .string("idc-" + member.email), "email": .string(member.email),
            "iat": .number(now), "exp": .number(now + lifetime),
            "sts:identity_context": .string(context), "sts:audit_context": .string(Base64URL.encode(Array(member.email.utf8))),
        ])
        let accessToken = "aoa" + RandomText.base64URL(bytes: 48)
        environment.secrets.record("Identity Center ID token", idToken)
        environment.secrets.record("Identity Center access token", accessToken)
        environment.secrets.record("identity context", context)
        var body: [String: JSONValue] = [
            "accessToken": .string(accessToken), "tokenType": "Bearer",
            "expiresIn": .number(lifetime), "idToken": .string(idToken),
            "issuedTokenType": "urn:ietf:params:oauth:token-type:access_token",
            "scope": ["sts:identity_context", "openid", "aws"],
            "awsAdditionalDetails": ["identityContext": .string(context)],
        ]
        if let refreshToken { body["refreshToken"] = .string(refreshToken) }
        return .object(body)
    }
}

/// Reads a JWT header's `kid` without trusting anything else in it.
enum JWTHeaderPeek {
    static func kid(of token: String) -> String? {
        guard let header = token.split(separator: ".").first, let bytes = Base64URL.decode(header) else { return nil }
        return JSONValue.parse(bytes)?["kid"]?.stringValue
    }
}
