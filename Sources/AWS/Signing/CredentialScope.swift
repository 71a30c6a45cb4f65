/// `date/region/service/aws4_request`: what a signature is valid for.
public struct CredentialScope: Sendable, Equatable {
    public let date: String
    public let region: String
    public let service: String

    public var text: String { "\(date)/\(region)/\(service)/aws4_request" }
}
