/// Words for the user, per the error table of TTI-FLOW.md: what went wrong and what to check.
extension AWSError {
    public var userMessage: String {
        let detail = message.map { " (\(service) says: \($0))" } ?? ""
        if service == "sso-oauth", let words = identityCenterMessage(detail: detail) { return words }
        switch code {
        case "AccessDenied" where service == "sts":
            return "AWS refused to assume the data-accessor role: the role does not trust the ISV identity, or tagging the session is not allowed\(detail)."
        case "ExpiredTokenException" where service == "sts":
            // AssumeRole's model: ExpiredTokenException is about a token *passed in the
            // request* (here the provided identity context), not the caller's own credentials.
            return "STS refused the identity context from IAM Identity Center as expired (ExpiredTokenException): it was used after its lifetime ended, so the exchange must start again from sign-in; if it keeps happening, set this computer's clock right\(detail)."
        case "ExpiredToken", "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException", "InvalidSignatureException":
            return "The ISV's own AWS credentials are expired or wrong (\(code)); renew them or check the access key and secret\(detail)."
        case "invalid_grant", "InvalidGrantException":
            return "IAM Identity Center refused the ID token: check the issuer, audience, expiry and the user attribute mapping of the trusted token issuer\(detail)."
        case "invalid_client", "InvalidClientException":
            return "IAM Identity Center does not know this client: the tenant's data-accessor application ARN is wrong\(detail)."
        case "access_denied":
            return "The user is not assigned to the data accessor in the customer's IAM Identity Center\(detail)."
        case "InvalidRequestRegionException":
            let right = region.map { "; use region \($0)" } ?? ""
            let at = endpoint.map { " (endpoint \($0))" } ?? ""
            return "The IAM Identity Center region is wrong\(right)\(at)."
        case "AccessDeniedException" where service == "qbusiness":
            return "Amazon Q Business refused the search: the tenant has not granted this data accessor, or the tenant id does not match\(detail)."
        case "LicenseNotFoundException" where service == "qbusiness":
            return "The user has no active Amazon Q Business subscription in this tenant: ask the customer's administrator to subscribe the user (or a group of theirs) to the Q Business application, then try again once the subscription is active\(detail)."
        case "ResourceNotFoundException" where service == "qbusiness":
            let which = resourceID.map { " \($0)" } ?? ""
            switch notFoundResource {
            case .application:
                return "Amazon Q Business does not know the application\(which): check the tenant's application_id\(detail)."
            case .retriever:
                return "Amazon Q Business does not know the retriever\(which): check the tenant's retriever_id\(detail)."
            case nil:
                return "Amazon Q Business does not know the application or retriever id\(which): check the tenant's application_id and retriever_id\(detail)."
            }
        case "ValidationException":
            var text = "\(service) rejected the request as invalid"
            if let reason { text += " (\(reason))" }
            if let message { text += ": \(message)" }
            if !fields.isEmpty { text += " — " + fields.map { "\($0.name): \($0.message)" }.joined(separator: "; ") }
            return text + "."
        default:
            if isThrottling {
                return "\(service) is throttling requests and still did after retries with backoff; wait a moment and try again."
            }
            if let statusCode, statusCode >= 500 {
                return "\(service) had a server error (HTTP \(statusCode), \(code)) that persisted after retries; try again later."
            }
            return "\(service) answered \(code)\(detail)."
        }
    }

    /// Which id a Q Business `ResourceNotFoundException` is about: its `resourceType` when the
    /// service names one, else the words of its message.
    public enum NotFoundResource: Sendable, Equatable { case application, retriever }

    public var notFoundResource: NotFoundResource? {
        guard code == "ResourceNotFoundException" else { return nil }
        for text in [resourceType, message].compactMap({ $0?.lowercased() }) {
            if text.contains("retriever") { return .retriever }
            if text.contains("application") { return .application }
        }
        return nil
    }

    /// The KMS reasons of `CreateTokenWithIAM`'s `AccessDeniedException` and `InvalidRequestException`.
    public var kmsProblem: String? {
        switch reason {
        case "KMS_AccessDeniedException":
            return "the key policy of the customer managed KMS key that encrypts their IAM Identity Center does not let the ISV's data-accessor role decrypt"
        case "KMS_NotFoundException":
            return "the customer managed KMS key of their IAM Identity Center no longer exists (deleted, or the key ARN is wrong)"
        case "KMS_InvalidKeyUsageException":
            return "the KMS key of their IAM Identity Center cannot be used to decrypt (it must be a symmetric ENCRYPT_DECRYPT key)"
        case "KMS_InvalidStateException":
            return "the KMS key of their IAM Identity Center is not usable in its current state (pending deletion or pending import)"
        case "KMS_DisabledException":
            return "the KMS key of their IAM Identity Center is disabled"
        default:
            return nil
        }
    }

    /// `CreateTokenWithIAM`'s errors (sso-oidc 2019-06-10), each with what to change.
    private func identityCenterMessage(detail: String) -> String? {
        switch code {
        case "AccessDeniedException", "InvalidRequestException":
            guard let problem = kmsProblem else {
                if code == "AccessDeniedException" {
                    return "The user is not assigned to the data accessor in the customer's IAM Identity Center\(detail)."
                }
                return nil
            }
            let fix = reason == "KMS_AccessDeniedException"
                ? "the customer must allow the ISV's data-accessor role kms:Decrypt in that key policy, via Amazon Q Business (condition kms:ViaService on qbusiness)"
                : "the customer must restore, enable or replace the key configured for their IAM Identity Center"
            return "IAM Identity Center could not decrypt with the customer's KMS key (\(reason ?? code)): \(problem); \(fix)\(detail)."
        case "SlowDownException":
            return "IAM Identity Center asked qseek to slow down (SlowDownException) and still did after retries with backoff; wait a moment and try again."
        case "ExpiredTokenException":
            return "IAM Identity Center found the token it was given expired (ExpiredTokenException): sign in again with `qseek login`; if a fresh sign-in still fails, set this computer's clock right\(detail)."
        case "InvalidScopeException":
            return "IAM Identity Center refused the requested scopes (InvalidScopeException): the customer's data-accessor application must allow them\(detail)."
        case "UnauthorizedClientException":
            return "IAM Identity Center does not let this application use the JWT bearer grant (UnauthorizedClientException): the customer must enable the trusted token issuer grant on the data-accessor application named by the tenant's idc_application_arn\(detail)."
        case "AuthorizationPendingException":
            return "IAM Identity Center says the authorization is still pending (AuthorizationPendingException), which only a device sign-in should hear; check that the tenant's idc_application_arn is the data accessor's application\(detail)."
        case "UnsupportedGrantTypeException":
            return "IAM Identity Center does not accept this grant type for the application (UnsupportedGrantTypeException): check the tenant's idc_application_arn and the application's grants\(detail)."
        default:
            return nil
        }
    }
}
