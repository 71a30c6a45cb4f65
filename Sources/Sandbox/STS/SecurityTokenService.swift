import Foundation
import HTTPTypes
import Hummingbird

/// STS `AssumeRole` and `GetCallerIdentity` over awsQuery (form in, XML out).
struct SecurityTokenService: Sendable {
    let environment: SandboxEnvironment

    static let externalIDTag = "qbusiness-dataaccessor:ExternalId"
    static let identityCenterProvider = "arn:aws:iam::aws:contextProvider/IdentityCenter"
    static let baseUserARN = "arn:aws:iam::111122223333:user/qseek-isv-backend"

    func handle(_ request: ReceivedRequest) async -> Response {
        let requestID = Responses.requestID()
        do {
            let form = request.form
            guard request.method == "POST" else { throw STSError(code: "InvalidAction", status: .badRequest, message: "STS takes POST") }
            let authenticated: AuthenticatedRequest
            do {
                authenticated = try await environment.authenticator.authenticate(request, service: "sts")
            } catch {
                throw error.queryError
            }
            guard form["Version"] == "2011-06-15" else {
                throw STSError(code: "InvalidParameterValue", status: .badRequest, message: "Version must be 2011-06-15")
            }
            switch form["Action"] {
            case "AssumeRole":
                return try await assumeRole(form, caller: authenticated.caller, requestID: requestID)
            case "GetCallerIdentity":
                return callerIdentity(authenticated.caller, requestID: requestID)
            case let action:
                throw STSError(code: "InvalidAction", status: .badRequest,
                               message: "Could not find operation \(action ?? "(none)") for version 2011-06-15")
            }
        } catch let error as STSError {
            return error.response(requestID: requestID)
        } catch {
            return STSError(code: "InternalFailure", status: .internalServerError, message: "internal error").response(requestID: requestID)
        }
    }

    private func assumeRole(_ form: [String: String], caller: Caller, requestID: String) async throws -> Response {
        guard let roleARN = form["RoleArn"], !roleARN.isEmpty else { throw STSError.validation("1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null") }
        guard let sessionName = form["RoleSessionName"] else { throw STSError.validation("1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null") }
        guard (2...64).contains(sessionName.count),
              sessionName.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_+=,.@-".contains($0)) }) else {
            throw STSError.validation("1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64 and match [\\w+=,.@-]*")
        }
        let duration = try durationSeconds(form["DurationSeconds"])
        guard roleARN == environment.corpus.dataAccessorRoleARN else {
            throw STSError.accessDenied("User: \(principalARN(caller)) is not authorized to perform: sts:AssumeRole on resource: \(roleARN)")
        }
        let tags = members(form, prefix: "Tags.member.", fields: ["Key", "Value"])
        guard let tenantTag = tags.first(where: { $0["Key"] == Self.externalIDTag })?["Value"], !tenantTag.isEmpty else {
            throw STSError.accessDenied("User: \(principalARN(caller)) is not authorized to perform: sts:AssumeRole on resource: \(roleARN): the role's trust policy requires the session tag \(Self.externalIDTag)")
        }
        var identity: IdentityContext.Claims?
        let contexts = members(form, prefix: "ProvidedContexts.member.", fields: ["ProviderArn", "ContextAssertion"])
        if let context = contexts.first {
            guard contexts.count == 1, context["ProviderArn"] == Self.identityCenterProvider,
                  let assertion = context["ContextAssertion"] else {
                throw STSError.validation("ProvidedContexts must hold one context from \(Self.identityCenterProvider)")
            }
            guard (4...2048).contains(assertion.count) else {
                throw STSError.validation("1 validation error detected: Value at 'providedContexts.1.member.contextAssertion' failed to satisfy constraint: Member must have length between 4 and 2048")
            }
            do {
                identity = try environment.identityContexts.open(assertion)
            } catch .expired {
                // AssumeRole's model names ExpiredTokenException (code `ExpiredTokenException`) for a
                // token passed in the request; `ExpiredToken` is the caller's own expired session.
                throw STSError(code: "ExpiredTokenException", status: .badRequest, message: "The provided context assertion has expired")
            } catch {
                throw STSError.accessDenied("The provided context assertion is not valid")
            }
            // Like real STS, no check that the context's tenant matches the session tag: STS
            // knows nothing of Q Business external ids. Q Business refuses the mismatch.
        }
        let credentials = await environment.credentials.issue(roleSessionName: sessionName, duration: TimeInterval(duration),
                                                              tenantTag: tenantTag, identity: identity)
        environment.secrets.record("STS secret access key", credentials.secretAccessKey)
        environment.secrets.record("STS session token", credentials.sessionToken)
        let roleName = roleARN.split(separator: "/").last.map(String.init) ?? "role"
        let account = environment.corpus.accountID
        let document = """
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <AssumedRoleUser>
                  <AssumedRoleId>AROASANDBOXDATAACCESS:\(XMLText.escape(sessionName))</AssumedRoleId>
                  <Arn>arn:aws:sts::\(account):assumed-role/\(XMLText.escape(roleName))/\(XMLText.escape(sessionName))</Arn>
                </AssumedRoleUser>
                <Credentials>
                  <AccessKeyId>\(credentials.accessKeyID)</AccessKeyId>
                  <SecretAccessKey>\(credentials.secretAccessKey)</SecretAccessKey>
                  <SessionToken>\(credentials.sessionToken)</SessionToken>
                  <Expiration>\(credentials.expiration.formatted(.iso8601))</Expiration>
                </Credentials>
              </AssumeRoleResult>
              <ResponseMetadata>
                <RequestId>\(requestID)</RequestId>
              </ResponseMetadata>
            </AssumeRoleResponse>

            """
        return Responses.xml(.ok, document, requestID: requestID)
    }

    private func durationSeconds(_ text: String?) throws(STSError) -> Int {
        guard let text else { return 3600 }
        guard let value = Int(text) else { throw STSError.validation("DurationSeconds must be a number") }
        guard value >= 900 else {
            throw STSError.validation("1 validation error detected: Value '\(value)' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900")
        }
        guard value <= 3600 else {
            throw STSError.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")
        }
        return value
    }

    private func callerIdentity(_ caller: Caller, requestID: String) -> Response {
        let userID: String
        switch caller {
        case .base: userID = DemoCredentials.accessKeyID
        case .session(let session): userID = "AROASANDBOXDATAACCESS:\(session.roleSessionName)"
        }
        let document = """
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>\(XMLText.escape(principalARN(caller)))</Arn>
                <UserId>\(XMLText.escape(userID))</UserId>
                <Account>\(environment.corpus.accountID)</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata>
                <RequestId>\(requestID)</RequestId>
              </ResponseMetadata>
            </GetCallerIdentityResponse>

            """
        return Responses.xml(.ok, document, requestID: requestID)
    }

    private func principalARN(_ caller: Caller) -> String {
        switch caller {
        case .base: Self.baseUserARN
        case .session(let session):
            "arn:aws:sts::\(environment.corpus.accountID):assumed-role/QseekDataAccessor/\(session.roleSessionName)"
        }
    }

    /// awsQuery lists: `Prefix.1.Key=…&Prefix.1.Value=…`, numbered from 1 without gaps.
    private func members(_ form: [String: String], prefix: String, fields: [String]) -> [[String: String]] {
        var result: [[String: String]] = []
        var index = 1
        while true {
            var member: [String: String] = [:]
            for field in fields { member[field] = form["\(prefix)\(index).\(field)"] }
            guard !member.isEmpty else { return result }
            result.append(member)
            index += 1
        }
    }
}
