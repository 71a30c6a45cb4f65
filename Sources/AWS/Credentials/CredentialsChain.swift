/// Asks each provider in turn and returns the first credentials found.
///
/// A provider that is not configured is skipped; one that is configured and fails stops the
/// chain with its error, because silently falling back to other (maybe more powerful)
/// credentials would be a surprise nobody wants in an enterprise setting.
public struct CredentialsChain: CredentialsProvider {
    public let providers: [(name: String, provider: any CredentialsProvider)]

    public init(_ providers: [(name: String, provider: any CredentialsProvider)]) {
        self.providers = providers
    }

    public func credentials() async throws -> Credentials {
        for (_, provider) in providers {
            do {
                return try await provider.credentials()
            } catch CredentialsError.notConfigured {
                continue
            }
        }
        throw CredentialsError.noCredentials(tried: providers.map(\.name))
    }
}
