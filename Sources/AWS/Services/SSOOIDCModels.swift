import Foundation

/// How a `CreateTokenWithIAM` call proves who the user is.
public enum IAMTokenGrant: Sendable, Equatable {
    /// The ISV's ID token, issued by a trusted token issuer (the TTI flow).
    case jwtBearer(assertion: String)
    /// A code from IAM Identity Center's own `/authorize` redirect.
    case authorizationCode(code: String, redirectURI: String, codeVerifier: String? = nil)
    /// A refresh token from an earlier `authorization_code` (or `refresh_token`) answer; the
    /// answer may carry a new one that replaces it.
    case refreshToken(String)

    public var grantType: String {
        switch self {
        case .jwtBearer: return "urn:ietf:params:oauth:grant-type:jwt-bearer"
        case .authorizationCode: return "authorization_code"
        case .refreshToken: return "refresh_token"
        }
    }
}

/// `sso-oauth:CreateTokenWithIAM` input.
public struct CreateTokenWithIAMRequest: Sendable, Equatable, Encodable {
    public var clientID: String
    public var grant: IAMTokenGrant
    public var scopes: [String]?

    public init(clientID: String, grant: IAMTokenGrant, scopes: [String]? = nil) {
        self.clientID = clientID
        self.grant = grant
        self.scopes = scopes
    }

    enum CodingKeys: String, CodingKey {
        case clientId, grantType, code, assertion, scope, redirectUri, codeVerifier, refreshToken
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clientID, forKey: .clientId)
        try container.encode(grant.grantType, forKey: .grantType)
        switch grant {
        case .jwtBearer(let assertion):
            try container.encode(assertion, forKey: .assertion)
        case .authorizationCode(let code, let redirectURI, let verifier):
            try container.encode(code, forKey: .code)
            try container.encode(redirectURI, forKey: .redirectUri)
            try container.encodeIfPresent(verifier, forKey: .codeVerifier)
        case .refreshToken(let token):
            try container.encode(token, forKey: .refreshToken)
        }
        try container.encodeIfPresent(scopes, forKey: .scope)
    }

    public func validate() throws(ParameterValidationError) {
        try ParameterRules.length(clientID, 1...2048, field: "clientId")
        switch grant {
        case .jwtBearer(let assertion):
            try ParameterRules.length(assertion, 1...Int.max, field: "assertion")
        case .authorizationCode(let code, let redirectURI, _):
            try ParameterRules.length(code, 1...2048, field: "code")
            try ParameterRules.length(redirectURI, 1...2048, field: "redirectUri")
        case .refreshToken(let token):
            try ParameterRules.length(token, 1...Int.max, field: "refreshToken")
        }
    }
}

/// `CreateTokenWithIAM` output. Tokens are bearer secrets: `description` shows none of them.
public struct IAMToken: Sendable, Equatable, CustomStringConvertible {
    public var accessToken: String
    public var tokenType: String?
    public var expiresIn: Int?
    public var refreshToken: String?
    public var idToken: String?
    public var issuedTokenType: String?
    public var scope: [String]?
    /// The `sts:identity_context` assertion for `AssumeRole`'s `ProvidedContexts`: from
    /// `awsAdditionalDetails.identityContext`, else from the ID token's claim.
    public var identityContext: String?

    public var description: String {
        "IAMToken(tokenType: \(tokenType ?? "-"), expiresIn: \(expiresIn.map(String.init) ?? "-"), "
            + "scope: \(scope?.joined(separator: " ") ?? "-"), identityContext: \(identityContext == nil ? "absent" : "<redacted>"))"
    }

    /// Reads the `sts:identity_context` claim from a JWT's payload without verifying it (IAM
    /// Identity Center signed it and STS verifies the assertion; the client only forwards it).
    public static func identityContext(fromIDToken token: String) -> String? {
        UnverifiedJWT(token)?.string("sts:identity_context")
    }
}

struct CreateTokenWithIAMWireResponse: Decodable {
    struct Details: Decodable { var identityContext: String? }
    var accessToken: String?
    var tokenType: String?
    var expiresIn: Int?
    var refreshToken: String?
    var idToken: String?
    var issuedTokenType: String?
    var scope: [String]?
    var awsAdditionalDetails: Details?
}
