import AWS
import Foundation
import QseekConfiguration
import Testing
@testable import Diagnostics

/// `doctor`'s fix for the errors the current AWS models added (issue #20): each names the config
/// key or the customer's setting to change.
struct DoctorCurrentErrorsTests {
    static let tenant: QseekConfig.Tenant = {
        var tenant = QseekConfig.Tenant()
        tenant.id = "T0100ACME"
        tenant.applicationID = "a1b2c3d4-0000-4000-8000-000000000001"
        tenant.retrieverID = "r1b2c3d4-0000-4000-8000-000000000001"
        tenant.region = "eu-west-1"
        return tenant
    }()

    static let advice: DoctorAdvice = {
        var config = QseekConfig()
        config.tenants = [tenant]
        config.aws.dataAccessorRoleARN = "arn:aws:iam::111122223333:role/QseekDataAccessor"
        return DoctorAdvice(config: config)
    }()

    func diagnose(_ error: AWSError, step: String) -> Diagnosis {
        Self.advice.diagnose(error, step: step, tenant: Self.tenant)
    }

    @Test(arguments: [("Retriever", "retriever_id"), ("Application", "application_id")])
    func resourceTypeNamesTheKey(type: String, key: String) {
        var error = AWSError(service: "qbusiness", code: "ResourceNotFoundException", message: "not found", statusCode: 404,
                             resourceID: "x")
        error.resourceType = type
        let diagnosis = diagnose(error, step: "search")
        #expect(diagnosis.fix == "Check tenants[0].\(key) (tenant T0100ACME) against the values the customer gave you.")
    }

    @Test func licenseNotFoundAsksForASubscription() {
        let diagnosis = diagnose(AWSError(service: "qbusiness", code: "LicenseNotFoundException", statusCode: 400), step: "search")
        #expect(diagnosis.cause.contains("subscription"))
        #expect(diagnosis.fix.contains("subscription in application a1b2c3d4-0000-4000-8000-000000000001"))
    }

    @Test func kmsAccessDeniedNamesTheRoleAndTheViaServiceCondition() {
        let error = AWSError(service: "sso-oauth", code: "AccessDeniedException", statusCode: 400, reason: "KMS_AccessDeniedException")
        let diagnosis = diagnose(error, step: "create-token")
        #expect(diagnosis.fix.contains("arn:aws:iam::111122223333:role/QseekDataAccessor kms:Decrypt"))
        #expect(diagnosis.fix.contains("kms:ViaService = qbusiness.eu-west-1.amazonaws.com"))
        #expect(!diagnosis.fix.contains("assign this user"))
    }

    @Test func anotherKMSReasonIsTheCustomersToFix() {
        let error = AWSError(service: "sso-oauth", code: "InvalidRequestException", statusCode: 400, reason: "KMS_DisabledException")
        #expect(diagnose(error, step: "create-token").fix.contains("KMS key"))
    }

    @Test func anExpiredIdentityContextIsNotBlamedOnTheBaseKey() {
        let error = AWSError(service: "sts", code: "ExpiredTokenException", message: "The provided context assertion has expired", statusCode: 400)
        let diagnosis = diagnose(error, step: "identity-aware-role")
        #expect(diagnosis.cause.contains("identity context"))
        #expect(diagnosis.fix.contains("clock"))
        #expect(!diagnosis.fix.contains("base AWS credentials"))
    }

    @Test(arguments: ["UnauthorizedClientException", "InvalidScopeException", "AuthorizationPendingException"])
    func grantProblemsNameTheApplicationARN(code: String) {
        let diagnosis = diagnose(AWSError(service: "sso-oauth", code: code, statusCode: 400), step: "create-token")
        #expect(diagnosis.fix.contains("tenants[0].idc_application_arn (tenant T0100ACME)"))
    }
}
