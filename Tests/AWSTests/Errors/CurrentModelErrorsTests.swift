import TestSupport
import Foundation
import NIOConcurrencyHelpers
import Testing
@testable import AWS

/// The errors botocore's current models define for the operations qseek calls (issue #20),
/// each parsed from its wire shape and put in words with the fix.
struct CurrentModelErrorsTests {
    static func oidc(_ type: String, code: String, reason: String? = nil, description: String = "refused") -> AWSError {
        var body = #"{"error":"\#(code)","error_description":"\#(description)""#
        if let reason { body += #","reason":"\#(reason)""# }
        body += "}"
        return AWSErrorParser.parse(service: "sso-oauth", statusCode: 400, headers: [("x-amzn-ErrorType", type)], body: Array(body.utf8))
    }

    @Test func slowDownFromIdentityCenterIsThrottlingAndRetried() {
        let error = Self.oidc("SlowDownException", code: "slow_down")
        #expect(error.code == "SlowDownException")
        #expect(error.isThrottling)
        #expect(error.isRetryable)
        #expect(error.userMessage.contains("slow down"))
    }

    @Test func createTokenWithIAMRetriesSlowDownThenSucceeds() async throws {
        let answers = NIOLockedValueBox([
            Reply.text(400, #"{"error":"slow_down","error_description":"Rate exceeded"}"#, headers: [("x-amzn-ErrorType", "SlowDownException")]),
            Reply.text(200, #"{"accessToken":"aoa-1","tokenType":"Bearer","expiresIn":3600,"awsAdditionalDetails":{"identityContext":"ctx"}}"#),
        ])
        try await LocalHTTPServer.with({ _ in answers.withLockedValue { $0.removeFirst() } }) { server in
            try await Fixtures.withTransport { transport in
                let sleeps = SleepRecorder()
                let oidc = SSOOIDC(client: try Fixtures.client(.ssoOIDC, server: server, transport: transport, sleeps: sleeps))
                let token = try await oidc.createTokenWithIAM(clientID: "arn:aws:sso::123456789012:application/ssoins-1/apl-1",
                                                              grant: .jwtBearer(assertion: "eyJ.x.y"))
                #expect(token.identityContext == "ctx")
                #expect(server.requests.count == 2)
                #expect(sleeps.recorded == [.milliseconds(500)])
            }
        }
    }

    @Test(arguments: [
        ("AccessDeniedException", "access_denied", "KMS_AccessDeniedException", "kms:Decrypt"),
        ("InvalidRequestException", "invalid_request", "KMS_NotFoundException", "no longer exists"),
        ("InvalidRequestException", "invalid_request", "KMS_InvalidKeyUsageException", "symmetric ENCRYPT_DECRYPT"),
        ("InvalidRequestException", "invalid_request", "KMS_InvalidStateException", "pending deletion"),
        ("InvalidRequestException", "invalid_request", "KMS_DisabledException", "disabled"),
    ])
    func kmsReasonsAreWordedWithTheirFix(type: String, code: String, reason: String, words: String) {
        let error = Self.oidc(type, code: code, reason: reason)
        #expect(error.reason == reason)
        #expect(error.kmsProblem != nil)
        #expect(error.userMessage.contains(words), "\(error.userMessage)")
        #expect(error.userMessage.contains(reason))
        // Not the "user not assigned" of a plain AccessDeniedException.
        #expect(!error.userMessage.contains("not assigned"))
        if reason == "KMS_AccessDeniedException" {
            #expect(error.userMessage.contains("key policy") && error.userMessage.contains("via Amazon Q Business"))
        }
    }

    @Test func aPlainAccessDeniedStillMeansTheUserIsNotAssigned() {
        #expect(Self.oidc("AccessDeniedException", code: "access_denied").userMessage.contains("not assigned"))
    }

    @Test(arguments: [
        ("ExpiredTokenException", "expired_token", "qseek login"),
        ("InvalidScopeException", "invalid_scope", "scopes"),
        ("UnauthorizedClientException", "unauthorized_client", "JWT bearer grant"),
        ("AuthorizationPendingException", "authorization_pending", "idc_application_arn"),
    ])
    func theOtherCreateTokenWithIAMErrorsAreWorded(type: String, code: String, words: String) {
        let error = Self.oidc(type, code: code)
        #expect(error.code == type)
        #expect(error.userMessage.contains(words), "\(error.userMessage)")
        #expect(error.userMessage.contains(type))
        #expect(!error.isRetryable)
    }

    @Test func licenseNotFoundSaysTheUserHasNoSubscription() {
        let error = AWSErrorParser.parse(service: "qbusiness", statusCode: 400, headers: [("x-amzn-ErrorType", "LicenseNotFoundException")],
                                         body: Array(#"{"message":"license inactive"}"#.utf8))
        #expect(error.code == "LicenseNotFoundException")
        #expect(error.userMessage.contains("no active Amazon Q Business subscription"))
    }

    @Test(arguments: [("Retriever", "retriever_id", AWSError.NotFoundResource.retriever),
                      ("Application", "application_id", AWSError.NotFoundResource.application)])
    func resourceTypeNamesTheWrongId(type: String, key: String, kind: AWSError.NotFoundResource) {
        let body = #"{"message":"not found","resourceId":"x","resourceType":"\#(type)"}"#
        let error = AWSErrorParser.parse(service: "qbusiness", statusCode: 404, headers: [("x-amzn-ErrorType", "ResourceNotFoundException")],
                                         body: Array(body.utf8))
        #expect(error.resourceType == type)
        #expect(error.notFoundResource == kind)
        #expect(error.userMessage.contains("check the tenant's \(key)"))
        #expect(!error.userMessage.contains("application_id and retriever_id"))
    }

    @Test func stsExpiredTokenExceptionBlamesTheIdentityContextNotTheISVsCredentials() {
        let body = "<ErrorResponse><Error><Code>ExpiredTokenException</Code><Message>The provided context assertion has expired</Message></Error></ErrorResponse>"
        let expired = AWSErrorParser.parse(service: "sts", statusCode: 400, headers: [], body: Array(body.utf8))
        #expect(expired.userMessage.contains("identity context"))
        #expect(!expired.userMessage.contains("ISV's own AWS credentials"))
        let own = AWSError(service: "sts", code: "ExpiredToken", statusCode: 400)
        #expect(own.userMessage.contains("ISV's own AWS credentials"))
    }

    @Test func modelStreamErrorKeepsTheProvidersStatusAndMessage() {
        let object: [String: JSONValue] = ["message": "failed", "originalStatusCode": 529, "originalMessage": "Overloaded"]
        let error = AWSErrorParser.fromJSON(object, typeHeader: "ModelStreamErrorException", service: "bedrock", statusCode: nil)
        #expect(error.originalStatusCode == 529)
        #expect(error.originalMessage == "Overloaded")
    }

    @Test func attributeFiltersNestUpToTheDepthTheSandboxAccepts() throws {
        func nested(_ depth: Int) -> AttributeFilter {
            var filter = AttributeFilter.equalsTo(DocumentAttribute(name: "k", value: .string("v")))
            for _ in 1..<depth { filter = .not(filter) }
            return filter
        }
        try nested(AttributeFilter.maximumDepth).validate()
        #expect(throws: ParameterValidationError.self) { try nested(AttributeFilter.maximumDepth + 1).validate() }
    }
}
