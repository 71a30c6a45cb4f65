/// The AWS services qseek talks to, with what each needs to be reached and signed.
public enum AWSService: String, Sendable, CaseIterable, Hashable {
    case sts
    case ssoOIDC
    case qbusiness
    case bedrockRuntime

    /// The SigV4 signing name (the credential scope's service), per the botocore models.
    public var signingName: String {
        switch self {
        case .sts: return "sts"
        case .ssoOIDC: return "sso-oauth"
        case .qbusiness: return "qbusiness"
        case .bedrockRuntime: return "bedrock"
        }
    }

    /// The `<SERVICE>` of `AWS_ENDPOINT_URL_<SERVICE>`: the service id, uppercased, spaces as `_`.
    public var environmentSuffix: String {
        switch self {
        case .sts: return "STS"
        case .ssoOIDC: return "SSO_OIDC"
        case .qbusiness: return "QBUSINESS"
        case .bedrockRuntime: return "BEDROCK_RUNTIME"
        }
    }

    /// The public endpoint host in `region` (commercial partition).
    public func defaultHost(region: String) -> String {
        switch self {
        case .sts: return "sts.\(region).amazonaws.com"
        case .ssoOIDC: return "oidc.\(region).amazonaws.com"
        case .qbusiness: return "qbusiness.\(region).api.aws"
        case .bedrockRuntime: return "bedrock-runtime.\(region).amazonaws.com"
        }
    }
}
