import Logging

/// Asks each provider in turn and returns the first credentials found.
///
/// A provider that is not configured is skipped; one that is configured and fails stops the
/// chain with its error, because silently falling back to other (maybe more powerful)
/// credentials would be a surprise nobody wants in an enterprise setting.
public struct CredentialsChain: CredentialsProvider {
    public let providers: [(name: String, provider: any CredentialsProvider)]
    public let logger: Logger

    public init(_ providers: [(name: String, provider: any CredentialsProvider)], logger: Logger = Logger(label: "qseek.aws.credentials")) {
        self.providers = providers
        self.logger = logger
    }

    public func credentials() async throws -> Credentials {
        try await resolve().credentials
    }

    /// The first credentials found and the name of the provider that gave them (`environment`,
    /// `profile NAME`, …), so `qseek doctor` can say where a refused key came from.
    public func resolve() async throws -> (source: String, credentials: Credentials) {
        for (name, provider) in providers {
            do {
                let credentials = try await provider.credentials()
                // Names the source and the key id only: enough for `qseek doctor`, nothing secret.
                logger.debug("AWS credentials found", metadata: ["source": "\(name)", "accessKeyId": "\(credentials.accessKeyID)"])
                return (name, credentials)
            } catch CredentialsError.notConfigured {
                continue
            }
        }
        throw CredentialsError.noCredentials(tried: providers.map(\.name))
    }
}
