/// Decides the endpoint and region of each service from overrides, environment and profile.
///
/// Precedence, most specific first: the application's own `[endpoints]` entry, then
/// `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, then the profile's `endpoint_url`,
/// then the public AWS host for the region. The environment is injected so tests need no
/// global state.
public struct EndpointResolver: Sendable {
    public var environment: [String: String]
    public var overrides: [AWSService: String]
    /// `endpoint_url` of the active profile, if any.
    public var profileEndpoint: String?

    public init(environment: [String: String], overrides: [AWSService: String] = [:], profileEndpoint: String? = nil) {
        self.environment = environment
        self.overrides = overrides.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
        self.profileEndpoint = profileEndpoint
    }

    public func endpoint(for service: AWSService, region: String) throws(EndpointError) -> Endpoint {
        let candidates = [
            overrides[service],
            environment["AWS_ENDPOINT_URL_\(service.environmentSuffix)"],
            environment["AWS_ENDPOINT_URL"],
            profileEndpoint,
        ]
        if let override = candidates.compactMap({ $0 }).first(where: { !$0.isEmpty }) {
            return try Endpoint(url: override)
        }
        guard !region.isEmpty else { throw .missingRegion(service) }
        return Endpoint(host: service.defaultHost(region: region))
    }
}
