import Logging

/// The SDKs' default provider chain, in their order:
/// explicit → environment → shared profile (keys, process, role) → container → EC2 IMDSv2,
/// cached and refreshed five minutes before expiry.
///
/// The last step talks to 169.254.169.254 when nothing earlier matched. Tests and tools that
/// must stay on loopback pass `AWS_EC2_METADATA_DISABLED=true` (or point
/// `AWS_EC2_METADATA_SERVICE_ENDPOINT` at a local server) in the injected environment.
public enum DefaultCredentialsChain {
    public static func make(explicit: Credentials? = nil, environment: [String: String], transport: any HTTPTransport,
                            files: SharedConfigFiles? = nil, retry: RetryStrategy = RetryStrategy(),
                            logger: Logger = Logger(label: "qseek.aws.credentials")) -> CachedCredentialsProvider {
        CachedCredentialsProvider(chain(explicit: explicit, environment: environment, transport: transport, files: files,
                                        retry: retry, logger: logger))
    }

    /// The same chain without the cache, for callers that need to know which provider answered.
    public static func chain(explicit: Credentials? = nil, environment: [String: String], transport: any HTTPTransport,
                             files: SharedConfigFiles? = nil, retry: RetryStrategy = RetryStrategy(),
                             logger: Logger = Logger(label: "qseek.aws.credentials")) -> CredentialsChain {
        var providers: [(name: String, provider: any CredentialsProvider)] = []
        if let explicit { providers.append(("explicit", StaticCredentialsProvider(explicit))) }
        providers.append(("environment", EnvironmentCredentialsProvider(environment: environment)))
        let profileName = SharedConfigFiles.activeProfileName(environment: environment)
        let selected = environment["AWS_PROFILE"].map { !$0.isEmpty } ?? false
        providers.append(("profile \(profileName)", ProfileCredentialsProvider(
            profileName: profileName, files: files ?? SharedConfigFiles.load(environment: environment),
            environment: environment, transport: transport, retry: retry, explicitlySelected: selected)))
        providers.append(("container", ContainerCredentialsProvider(environment: environment, transport: transport)))
        providers.append(("instance metadata", InstanceMetadataCredentialsProvider(environment: environment, transport: transport)))
        return CredentialsChain(providers, logger: logger)
    }
}
