/// An error answered by an AWS service (or a stand-in for one), in one shape for every protocol.
///
/// The XML of awsQuery services, the `x-amzn-ErrorType`/`__type` of JSON services and the OAuth
/// `error`/`error_description` of SSO-OIDC all land here, so callers match on `code` alone.
/// Nothing in it is a secret: services do not echo credentials, and `message` is the service's
/// own text.
public struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One entry of a `ValidationException`'s `fields`.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var message: String

        public init(name: String, message: String) {
            self.name = name
            self.message = message
        }
    }

    /// Signing name or short name of the service (`sts`, `sso-oauth`, `qbusiness`, `bedrock`).
    public var service: String
    /// The error code without namespace or suffix, e.g. `AccessDenied`, `InvalidGrantException`, `invalid_grant`.
    public var code: String
    public var message: String?
    /// HTTP status; `nil` for in-stream exceptions.
    public var statusCode: Int?
    public var requestID: String?
    public var reason: String?
    public var fields: [Field]
    public var resourceID: String?
    /// `ResourceNotFoundException.resourceType` (Q Business): which kind of id was not found.
    public var resourceType: String?
    /// `ModelStreamErrorException.originalStatusCode` (Bedrock): the model provider's own status.
    public var originalStatusCode: Int?
    /// `ModelStreamErrorException.originalMessage` (Bedrock): the model provider's own words.
    public var originalMessage: String?
    /// `InvalidRequestRegionException` names the endpoint and region that would have worked.
    public var endpoint: String?
    public var region: String?

    public init(service: String, code: String, message: String? = nil, statusCode: Int? = nil, requestID: String? = nil,
                reason: String? = nil, fields: [Field] = [], resourceID: String? = nil, endpoint: String? = nil, region: String? = nil) {
        self.service = service
        self.code = code
        self.message = message
        self.statusCode = statusCode
        self.requestID = requestID
        self.reason = reason
        self.fields = fields
        self.resourceID = resourceID
        self.resourceType = nil
        self.originalStatusCode = nil
        self.originalMessage = nil
        self.endpoint = endpoint
        self.region = region
    }

    /// The SDKs' standard-mode throttling codes.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
        // IAM Identity Center OIDC's throttling (CreateTokenWithIAM's model defines no other).
        "SlowDownException",
    ]

    /// The SDKs' standard-mode transient codes (besides 500/502/503/504).
    public static let transientCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"]

    /// Codes after which a retry can succeed once the clock is corrected from the server's `Date`.
    public static let clockSkewCodes: Set<String> = [
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "InvalidSignatureException",
        "SignatureDoesNotMatch", "AuthFailure",
    ]

    /// Codes meaning the credentials used have expired; fresh credentials may succeed.
    public static let expiredCredentialCodes: Set<String> = ["ExpiredToken", "ExpiredTokenException", "RequestExpired"]

    public var isThrottling: Bool { Self.throttlingCodes.contains(code) || statusCode == 429 }

    /// Whether the standard retry mode tries again: throttling, transient codes and 5xx gateway
    /// statuses; never another client error.
    public var isRetryable: Bool {
        if isThrottling || Self.transientCodes.contains(code) { return true }
        guard let statusCode else { return false }
        return [500, 502, 503, 504].contains(statusCode)
    }

    public var description: String {
        var text = "\(service) \(code)"
        if let statusCode { text += " (HTTP \(statusCode))" }
        if let message { text += ": \(message)" }
        if let requestID { text += " [request \(requestID)]" }
        return text
    }
}
