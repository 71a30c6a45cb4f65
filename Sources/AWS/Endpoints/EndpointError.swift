/// A misconfigured endpoint, caught before any request goes out.
public enum EndpointError: Error, Sendable, Equatable {
    case invalidURL(String)
    case missingRegion(AWSService)

    public var userMessage: String {
        switch self {
        case .invalidURL(let text):
            return "The endpoint override \"\(text)\" is not an http(s) URL with a host; fix [endpoints] or AWS_ENDPOINT_URL*."
        case .missingRegion(let service):
            return "No AWS region is set for \(service.signingName); set the region in the config, AWS_REGION or the profile."
        }
    }
}
