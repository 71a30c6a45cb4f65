/// Words for the user, per the error table of TTI-FLOW.md: what went wrong and what to check.
extension AWSError {
    public var userMessage: String {
        let detail = message.map { " (\(service) says: \($0))" } ?? ""
        switch code {
        case "AccessDenied" where service == "sts":
            return "AWS refused to assume the data-accessor role: the role does not trust the ISV identity, or tagging the session is not allowed\(detail)."
        case "ExpiredToken", "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException", "InvalidSignatureException":
            return "The ISV's own AWS credentials are expired or wrong (\(code)); renew them or check the access key and secret\(detail)."
        case "invalid_grant", "InvalidGrantException":
            return "IAM Identity Center refused the ID token: check the issuer, audience, expiry and the user attribute mapping of the trusted token issuer\(detail)."
        case "invalid_client", "InvalidClientException":
            return "IAM Identity Center does not know this client: the tenant's data-accessor application ARN is wrong\(detail)."
        case "access_denied":
            return "The user is not assigned to the data accessor in the customer's IAM Identity Center\(detail)."
        case "AccessDeniedException" where service == "sso-oauth":
            return "The user is not assigned to the data accessor in the customer's IAM Identity Center\(detail)."
        case "InvalidRequestRegionException":
            let right = region.map { "; use region \($0)" } ?? ""
            let at = endpoint.map { " (endpoint \($0))" } ?? ""
            return "The IAM Identity Center region is wrong\(right)\(at)."
        case "AccessDeniedException" where service == "qbusiness":
            return "Amazon Q Business refused the search: the tenant has not granted this data accessor, or the tenant id does not match\(detail)."
        case "ResourceNotFoundException" where service == "qbusiness":
            let which = resourceID.map { " \($0)" } ?? ""
            return "Amazon Q Business does not know the application or retriever id\(which): check the tenant's application_id and retriever_id\(detail)."
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
}
