import Foundation

/// AWS Security Token Service over awsQuery: form-encoded requests, XML responses.
public struct STS: Sendable {
    public static let apiVersion = "2011-06-15"
    public let client: AWSServiceClient

    public init(client: AWSServiceClient) {
        self.client = client
    }

    /// Assumes `roleARN`; returns the temporary credentials (role chaining caps them at one hour).
    public func assumeRole(roleARN: String, sessionName: String, duration: Int? = nil, tags: [SessionTag] = [],
                           providedContexts: [ProvidedContext] = []) async throws -> Credentials {
        try await assumeRole(AssumeRoleRequest(roleARN: roleARN, sessionName: sessionName, durationSeconds: duration,
                                               tags: tags, providedContexts: providedContexts)).credentials
    }

    public func assumeRole(_ request: AssumeRoleRequest) async throws -> AssumedRole {
        try request.validate()
        let xml = try await call(request.form)
        return try Self.parseAssumeRole(xml)
    }

    public func getCallerIdentity() async throws -> CallerIdentity {
        let xml = try await call(QueryForm(action: "GetCallerIdentity", version: Self.apiVersion))
        guard let result = xml.child("GetCallerIdentityResult"),
              let account = result.child("Account")?.text, let arn = result.child("Arn")?.text else {
            throw ResponseDecodingError.missingField("GetCallerIdentityResult")
        }
        return CallerIdentity(userID: result.child("UserId")?.text ?? "", account: account, arn: arn)
    }

    /// The HTTP request for a form, as the wire sees it (exposed for serialisation tests).
    public static func operation(_ form: QueryForm) -> OperationRequest {
        OperationRequest(method: "POST", path: "/", headers: [("Content-Type", QueryForm.contentType)], body: Array(form.encoded.utf8))
    }

    private func call(_ form: QueryForm) async throws -> XMLTree {
        let response = try await client.send(Self.operation(form))
        return try XMLTree.parse(response.body)
    }

    static func parseAssumeRole(_ xml: XMLTree) throws(ResponseDecodingError) -> AssumedRole {
        guard let result = xml.child("AssumeRoleResult"), let node = result.child("Credentials") else {
            throw .missingField("AssumeRoleResult.Credentials")
        }
        guard let key = node.child("AccessKeyId")?.text, let secret = node.child("SecretAccessKey")?.text,
              let token = node.child("SessionToken")?.text, let expirationText = node.child("Expiration")?.text else {
            throw .missingField("Credentials.AccessKeyId/SecretAccessKey/SessionToken/Expiration")
        }
        guard let expiration = ISO8601Parsing.date(expirationText) else { throw .missingField("Credentials.Expiration (ISO 8601)") }
        let user = result.child("AssumedRoleUser")
        return AssumedRole(credentials: Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token, expiration: expiration),
                           assumedRoleARN: user?.child("Arn")?.text, assumedRoleID: user?.child("AssumedRoleId")?.text,
                           packedPolicySize: result.child("PackedPolicySize").flatMap { Int($0.text) })
    }
}
