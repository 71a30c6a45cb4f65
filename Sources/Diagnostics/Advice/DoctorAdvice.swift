import Accessor
import AWS
import LiveServices
import OIDC
import QseekConfiguration

/// Turns what a doctor step met into a cause and a fix the ISV's operator can act on, after
/// the error table of TTI-FLOW.md. The cause is the service's own answer in words; the fix
/// names the config key or the AWS setting to change.
struct DoctorAdvice {
    var config: QseekConfig
    /// The base identity's ARN, once GetCallerIdentity told it (for trust-policy advice).
    var callerARN: String?
    /// Where the base key came from, once the aws-identity step failed (for key advice).
    var baseSource: BaseCredentialsSource?

    func tenantKey(_ tenant: QseekConfig.Tenant, _ key: String) -> String {
        let index = config.tenants.firstIndex { $0.id == tenant.id } ?? 0
        return "tenants[\(index)].\(key) (tenant \(tenant.id))"
    }

    func diagnose(_ error: any Error, step: String, tenant: QseekConfig.Tenant? = nil) -> Diagnosis {
        switch error {
        case let error as AccessorError:
            if case .identityCenterSignInRequired(let tenantID, let reason) = error {
                return Diagnosis(cause: "No usable Identity Center sign-in for tenant \(tenantID): \(reason)",
                                 fix: "Run `qseek login --tenant \(tenantID)` and sign in at the tenant's Identity Center (the browser returns to \(tenant.map { tenantKey($0, "redirect_uri") } ?? "the tenant's redirect_uri")).",
                                 CommandFailure.signIn)
            }
            if case .sessionStorage = error {
                return Diagnosis(cause: error.userMessage, fix: "Check the permissions of the token cache directory ($XDG_CACHE_HOME/qseek or ~/.cache/qseek).",
                                 CommandFailure.unexpected)
            }
            guard let cause = error.cause else {
                return Diagnosis(cause: error.userMessage, fix: "Run `qseek login`.", CommandFailure.signIn)
            }
            return diagnose(cause, step: step, tenant: tenant)
        case let failure as ServiceFailure:
            if case .missingIdentityContext = failure {
                return Diagnosis(cause: "Identity Center answered without an identity context (sts:identity_context).",
                                 fix: "Check that \(tenant.map { tenantKey($0, "idc_application_arn") } ?? "the tenant's idc_application_arn") is the data accessor's application, not another one.",
                                 CommandFailure.aws)
            }
            let underlying = failure.underlyingError
            if underlying is ServiceFailure {
                return Diagnosis(cause: failure.userMessage, fix: "Run again with --debug FILE and report the log.", CommandFailure.unexpected)
            }
            return diagnose(underlying, step: step, tenant: tenant)
        case let error as AWSError:
            return diagnose(error, step: step, tenant: tenant)
        case let error as TransportError:
            return Diagnosis(cause: "Network problem: \(error.userMessage)",
                             fix: "Check that the endpoint is reachable (the [endpoints] section, AWS_ENDPOINT_URL*) and the network or proxy.",
                             CommandFailure.network)
        case let error as CredentialsError:
            return Diagnosis(cause: "The ISV's base AWS credentials: \(error.userMessage)",
                             fix: "Make credentials available: set [aws].profile (or AWS_PROFILE) to a profile that works, run `aws sso login` for SSO profiles, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
                             CommandFailure.aws)
        case let error as EndpointError:
            return Diagnosis(cause: error.userMessage, fix: "Fix the region or the endpoint override in the config.", CommandFailure.usage)
        case let error as ParameterValidationError:
            return Diagnosis(cause: "qseek refused to send an invalid request: \(error.userMessage)",
                             fix: "Fix the value named above in the config (`qseek config check` shows its line).", CommandFailure.usage)
        case let error as OIDCError:
            let fix: String
            switch error {
            case .signInRequired: fix = "Run `qseek login`."
            case .issuerMismatch(_, let advertised):
                fix = "If that IdP is yours, set [identity].issuer = \"\(advertised)\" (customers' trusted token issuers must use the same string)."
            case .discoveryFailed, .network:
                fix = "Check [identity].issuer (the issuer URL without /.well-known/openid-configuration) and that the IdP is reachable."
            default: fix = "Sign in again with `qseek login`; if it keeps failing, check the [identity] section."
            }
            if error.isNetworkFailure { return Diagnosis(cause: error.userMessage, fix: fix, CommandFailure.network) }
            if ExitStatus(error) == .usage {
                return Diagnosis(cause: error.userMessage, fix: fix, CommandFailure.usage)
            }
            return Diagnosis(cause: error.userMessage, fix: fix, CommandFailure.signIn)
        case is CancellationError:
            return Diagnosis(cause: "Cancelled.", fix: "Run `qseek doctor` again.", CommandFailure.unexpected)
        default:
            return Diagnosis(cause: "Unexpected error (\(type(of: error))).", fix: "Run again with --debug FILE and report the log.", CommandFailure.unexpected)
        }
    }

    private func diagnose(_ error: AWSError, step: String, tenant: QseekConfig.Tenant?) -> Diagnosis {
        let cause = error.userMessage + (error.requestID.map { " [request \($0)]" } ?? "")
        func aws(_ fix: String) -> Diagnosis { Diagnosis(cause: cause, fix: fix, CommandFailure.aws) }
        let role = config.aws.dataAccessorRoleARN
        let caller = callerARN.map { " (\($0))" } ?? ""
        switch error.code {
        case "AccessDenied" where error.service == "sts":
            if step == "identity-aware-role" {
                return aws("The trust policy of \(role) must also allow sts:SetContext for your base identity\(caller), next to sts:AssumeRole and sts:TagSession.")
            }
            return aws("Check [aws].data_accessor_role_arn = \"\(role)\": that role's trust policy must allow your base identity\(caller) sts:AssumeRole, sts:TagSession and sts:SetContext.")
        case "ExpiredToken", "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException", "InvalidSignatureException":
            // These steps (and the Bedrock model) sign with the ISV's base key.
            if ["aws-identity", "assume-role", "identity-aware-role", "model"].contains(step) {
                return baseKeyRefused(error, cause: cause)
            }
            return aws("Run `qseek doctor` again; the role credentials expired or were refused while in use.")
        case let code where ["invalid_grant", "InvalidGrantException", "ExpiredTokenException", "expired_token"].contains(code)
            && ["redeem-code", "refresh-token"].contains(step):
            // Auth-code tenants: the code or refresh token is spent, expired or revoked.
            let id = tenant?.id ?? "ID"
            return Diagnosis(cause: "The tenant's Identity Center refused the sign-in's \(step == "redeem-code" ? "authorization code" : "refresh token"): \(cause)",
                             fix: "Sign in again with `qseek login --tenant \(id)`. If it keeps failing, check that \(tenant.map { tenantKey($0, "redirect_uri") } ?? "redirect_uri") is exactly the redirect URI registered for the data accessor.",
                             CommandFailure.signIn)
        case "UnauthorizedClientException", "unauthorized_client":
            // Either the accessor's authentication type and the tenant's `auth` differ, or the
            // application ARN names an application without this grant enabled.
            let auth = tenant.map { tenantKey($0, "auth") } ?? "the tenant's auth"
            let arn = tenant.map { tenantKey($0, "idc_application_arn") } ?? "the tenant's idc_application_arn"
            return aws("The data accessor does not accept this grant. Check \(auth): \"idc-auth-code\" for an AWS_IAM_IDC_AUTH_CODE accessor, \"tti\" for AWS_IAM_IDC_TTI (ask the customer which they created). Check \(arn): it must be the data accessor's application, with the grant enabled by the customer.")
        case "invalid_grant", "InvalidGrantException":
            let text = (error.message ?? "").lowercased()
            if text.contains("audience") {
                return aws("The customer's trusted token issuer does not accept audience \(config.identity.clientID): check [identity].client_id (the ID tokens' audience) against the audience the customer configured on the trusted token issuer in their IAM Identity Center.")
            }
            if text.contains("issuer") {
                return aws("The customer's trusted token issuer must be configured with issuer \(config.identity.issuer) exactly (the [identity].issuer of this config).")
            }
            return aws("In the customer's IAM Identity Center, the trusted token issuer must use issuer \(config.identity.issuer) exactly and accept audience \(config.identity.clientID), and its attribute mapping (usually email) must match a user there. If your sign-in expired, run `qseek login`.")
        case "invalid_client", "InvalidClientException":
            return aws(tenant.map { "Set \(tenantKey($0, "idc_application_arn")) to the data accessor's IAM Identity Center application ARN the customer gave you." }
                ?? "Fix the tenant's idc_application_arn.")
        case "access_denied":
            return aws("Ask the customer to assign this user (or a group of theirs) to your data accessor in their IAM Identity Center.")
        case "AccessDeniedException" where error.service == "sso-oauth" && error.kmsProblem == nil:
            return aws("Ask the customer to assign this user (or a group of theirs) to your data accessor in their IAM Identity Center.")
        case "InvalidRequestRegionException":
            let key = tenant.map { tenantKey($0, "idc_region") } ?? "the tenant's idc_region"
            if let region = error.region { return aws("Set \(key) = \"\(region)\".") }
            return aws("Set \(key) to the region of the customer's IAM Identity Center instance.")
        case "AccessDeniedException" where error.service == "qbusiness":
            return aws(tenant.map { "Ask the customer to grant your data accessor access to application \($0.applicationID), and check that \(tenantKey($0, "id")) is the accessor's external id." }
                ?? "Ask the customer to grant your data accessor, and check the tenant id.")
        case "ResourceNotFoundException" where error.service == "qbusiness":
            guard let tenant else { return aws("Check the tenant's application_id and retriever_id.") }
            // resourceType (required by the qbusiness model) names the kind; the id and the
            // message are the fallbacks for a service that leaves it out.
            let which: String
            switch error.notFoundResource {
            case .retriever: which = "retriever_id"
            case .application: which = "application_id"
            case nil:
                if error.resourceID == tenant.retrieverID {
                    which = "retriever_id"
                } else if error.resourceID == tenant.applicationID {
                    which = "application_id"
                } else {
                    which = "application_id and retriever_id"
                }
            }
            return aws("Check \(tenantKey(tenant, which)) against the values the customer gave you.")
        case "LicenseNotFoundException" where error.service == "qbusiness":
            return aws("Ask the customer's administrator to give this user a Q Business subscription\(tenant.map { " in application \($0.applicationID)" } ?? ""); the search works once it is active.")
        case "ExpiredTokenException" where error.service == "sts":
            return aws("The identity context expired before STS saw it: set this computer's clock right and run `qseek doctor` again (the context is fetched fresh each time).")
        case _ where error.service == "sso-oauth" && error.kmsProblem != nil:
            let role = config.aws.dataAccessorRoleARN
            if error.reason == "KMS_AccessDeniedException" {
                return aws("Ask the customer to add to the key policy of their IAM Identity Center's KMS key a statement allowing \(role) kms:Decrypt with the condition kms:ViaService = qbusiness.\(tenant?.region ?? "<region>").amazonaws.com.")
            }
            return aws("Ask the customer to fix the KMS key of their IAM Identity Center (restore or enable it, or configure a usable symmetric key); nothing in qseek's config can change this.")
        case "ExpiredTokenException" where error.service == "sso-oauth":
            return aws("Run `qseek login` for a fresh ID token; if that does not help, set this computer's clock right.")
        case "InvalidScopeException", "UnsupportedGrantTypeException", "AuthorizationPendingException":
            return aws(tenant.map { "Check \(tenantKey($0, "idc_application_arn")): it must be the data accessor's application, with the trusted token issuer grant enabled by the customer." }
                ?? "Check the tenant's idc_application_arn and the application's grants in the customer's IAM Identity Center.")
        case "ValidationException":
            return aws("Fix the values named above (`qseek config check` shows their lines).")
        default:
            if error.isThrottling || (error.statusCode ?? 0) >= 500 {
                return aws("The service is busy or failing; try again in a minute.")
            }
            return aws("See the service's answer above; `qseek doctor --debug FILE` logs every request with its request id.")
        }
    }

    /// STS refused the ISV's base key: say which half is wrong and where it is set.
    private func baseKeyRefused(_ error: AWSError, cause: String) -> Diagnosis {
        let source = baseSource
        let key = source?.accessKeyID.map { "access key \($0)" } ?? "the access key"
        // The service's own words, without the generic "expired or wrong" advice of userMessage.
        let answer = "\(error.service) answered \(error.code)" + (error.message.map { ": \($0)" } ?? "")
            + (error.requestID.map { " [request \($0)]" } ?? "")
        let generic = "Renew the ISV's base AWS credentials (e.g. `aws sso login`), or fix [aws].profile / the access key and secret."
        switch error.code {
        case "SignatureDoesNotMatch", "InvalidSignatureException":
            if (error.message ?? "").lowercased().contains("expired") {
                return Diagnosis(cause: cause, fix: "The request's time is too far from AWS's: set this computer's clock right (NTP).", CommandFailure.aws)
            }
            guard let source, !source.temporary else {
                return Diagnosis(cause: cause, fix: generic, CommandFailure.aws)
            }
            return Diagnosis(cause: "The base credentials' secret access key is wrong: it does not belong to \(key) (\(answer)).",
                             fix: "Fix \(source.secretSetting): the secret must be the one created with \(key) (if it is lost, create a new access key in IAM and set both halves).",
                             CommandFailure.aws)
        case "InvalidClientTokenId", "UnrecognizedClientException":
            guard let source else { return Diagnosis(cause: cause, fix: generic, CommandFailure.aws) }
            if source.temporary {
                return Diagnosis(cause: "AWS does not accept the session token of the temporary base credentials (\(answer)).",
                                 fix: "Renew \(source.keySetting) (e.g. `aws sso login`).", CommandFailure.aws)
            }
            return Diagnosis(cause: "AWS does not know \(key): it is mistyped, deleted or deactivated (\(answer)).",
                             fix: "Fix \(source.keySetting) (and the secret next to it) with an active access key of the ISV's IAM user.",
                             CommandFailure.aws)
        default:
            let fix = source.map { "Renew \($0.keySetting) (e.g. `aws sso login`, or fetch new temporary keys)." } ?? generic
            return Diagnosis(cause: cause, fix: fix, CommandFailure.aws)
        }
    }
}
