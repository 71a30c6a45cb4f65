import Accessor

/// The way out of a failed flow step, in words (the flow view shows it under the cause).
enum FlowAdvice {
    static func fix(for step: ExchangeStep, failure: ServiceFailure) -> String {
        switch failure {
        case .aws(let error):
            let code = error.code
            if error.isThrottling {
                return "AWS throttled the call and the retries ran out: wait a moment, then run the exchange again (Enter on the tenant)."
            }
            if let status = error.statusCode, status >= 500 {
                return "The service failed on its side (HTTP \(status)): run the exchange again (Enter on the tenant); if it persists, check the AWS Health Dashboard."
            }
            if code.contains("AccessDenied") {
                return step.operation == "CreateTokenWithIAM"
                    ? "The data-accessor role may not call sso-oauth:CreateTokenWithIAM, or the Identity Center application does not trust this issuer: check the role's policy and the application's trusted token issuer."
                    : "The tenant's data-accessor role does not trust the ISV for this call: its trust policy must allow sts:AssumeRole, sts:TagSession and sts:SetContext with the tenant's external id."
            }
            if step == .redeemAuthorizationCode || step == .refreshIdentityCenterToken,
               code.contains("InvalidGrant") || code.contains("Expired") {
                return "The tenant's Identity Center refused the sign-in (spent, expired or revoked): choose the tenant again to sign in there anew."
            }
            if code.contains("InvalidGrant") || code.contains("InvalidRequest") || code.contains("Expired") {
                return "The ID token was refused (expired, wrong audience or issuer): sign out (Ctrl+O) and sign in again; check the trusted token issuer's audience."
            }
            return "Run `qseek doctor` to check this step against the configuration."
        case .transport:
            return "Check the network and the endpoint ([endpoints] in the config); then run the exchange again (Enter on the tenant)."
        case .credentials:
            return "The ISV's own AWS credentials are missing or expired: check [aws] in the config or the AWS profile."
        case .endpoint:
            return "Check the region and [endpoints] in the config."
        case .missingIdentityContext:
            return "The Identity Center application must be a data accessor's TTI application: check its configuration."
        case .invalidRequest, .undecodableResponse, .eventStream, .cancelled, .unexpected:
            return "Run `qseek doctor` to check this step against the configuration."
        }
    }
}
