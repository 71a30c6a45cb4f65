/// IAM Identity Center OIDC (`sso-oauth`), the token exchange of the TTI flow (restJson1).
public struct SSOOIDC: Sendable {
    public let client: AWSServiceClient

    public init(client: AWSServiceClient) {
        self.client = client
    }

    /// Exchanges the grant for IAM Identity Center tokens, signed with the caller's credentials.
    public func createTokenWithIAM(clientID: String, grant: IAMTokenGrant, scopes: [String]? = nil) async throws -> IAMToken {
        let request = CreateTokenWithIAMRequest(clientID: clientID, grant: grant, scopes: scopes)
        try request.validate()
        let response = try await client.send(Self.operation(request))
        return try Self.parse(response.body)
    }

    /// `POST /token?aws_iam=t` with the JSON body (exposed for serialisation tests).
    public static func operation(_ request: CreateTokenWithIAMRequest) throws -> OperationRequest {
        RestJSON.operation(path: "/token", query: "aws_iam=t", body: try RestJSON.encode(request))
    }

    static func parse(_ body: [UInt8]) throws(ResponseDecodingError) -> IAMToken {
        let wire = try RestJSON.decode(CreateTokenWithIAMWireResponse.self, from: body)
        guard let accessToken = wire.accessToken else { throw .missingField("accessToken") }
        let context = wire.awsAdditionalDetails?.identityContext ?? wire.idToken.flatMap(IAMToken.identityContext(fromIDToken:))
        return IAMToken(accessToken: accessToken, tokenType: wire.tokenType, expiresIn: wire.expiresIn, refreshToken: wire.refreshToken,
                        idToken: wire.idToken, issuedTokenType: wire.issuedTokenType, scope: wire.scope, identityContext: context)
    }
}
