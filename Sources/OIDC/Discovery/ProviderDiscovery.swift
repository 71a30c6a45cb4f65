import Foundation

/// Fetches an issuer's discovery document once per process and checks that it really belongs
/// to that issuer.
///
/// The `issuer` comparison is exact (OpenID Connect Discovery §4.3): a document served at the
/// configured URL that names another issuer could be an impersonation, and ID tokens are later
/// checked against the same string.
public actor ProviderDiscovery {
    public let issuer: String
    private let transport: any HTTPTransport
    private var cached: ProviderMetadata?

    public init(issuer: String, transport: any HTTPTransport) {
        self.issuer = issuer
        self.transport = transport
    }

    public func metadata() async throws -> ProviderMetadata {
        if let cached { return cached }
        let url = try ProviderMetadata.discoveryURL(for: issuer)
        let response = try await transport.exchange(.json(url))
        guard response.statusCode == 200 else {
            throw OIDCError.discoveryFailed(url: url.absoluteString, reason: "HTTP \(response.statusCode)")
        }
        let metadata: ProviderMetadata
        do {
            metadata = try JSONDecoder().decode(ProviderMetadata.self, from: Data(response.body))
        } catch {
            throw OIDCError.discoveryFailed(url: url.absoluteString, reason: "the document is not valid discovery JSON")
        }
        guard metadata.issuer == issuer else {
            throw OIDCError.issuerMismatch(configured: issuer, advertised: metadata.issuer)
        }
        if let insecure = metadata.insecureEndpoint(issuerIsLoopback: url.host.map(ProviderMetadata.isLoopback) == true) {
            throw OIDCError.discoveryFailed(url: url.absoluteString,
                                            reason: "its \(insecure.key) is not an https URL (\(insecure.url.absoluteString))")
        }
        cached = metadata
        return metadata
    }
}
