/// EC2 instance role credentials over IMDSv2.
///
/// IMDSv2 first `PUT`s for a session token (a hop limit of 1 keeps it inside the instance,
/// which is the point: SSRF through a proxy cannot do a PUT with this header), then reads the
/// role name and the role's credentials with that token. `AWS_EC2_METADATA_DISABLED=true`
/// turns the provider off; `AWS_EC2_METADATA_SERVICE_ENDPOINT` moves it (tests, IPv6).
public struct InstanceMetadataCredentialsProvider: CredentialsProvider {
    public static let defaultEndpoint = "http://169.254.169.254"
    static let tokenPath = "/latest/api/token"
    static let rolePath = "/latest/meta-data/iam/security-credentials/"

    public let environment: [String: String]
    public let transport: any HTTPTransport
    public var timeout: Duration = .seconds(1)

    public init(environment: [String: String], transport: any HTTPTransport) {
        self.environment = environment
        self.transport = transport
    }

    public func credentials() async throws -> Credentials {
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" {
            throw CredentialsError.notConfigured("instance metadata (disabled)")
        }
        var base = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultEndpoint
        while base.hasSuffix("/") { base.removeLast() }
        let tokenResponse: HTTPResponse
        do {
            tokenResponse = try await transport.send(
                HTTPRequest(method: "PUT", url: base + Self.tokenPath, headers: [("X-aws-ec2-metadata-token-ttl-seconds", "21600")]),
                timeout: timeout)
        } catch is TransportError {
            // Not on EC2 (or IMDS unreachable): nothing to offer, let the chain finish.
            throw CredentialsError.notConfigured("instance metadata")
        }
        guard tokenResponse.isSuccess else {
            throw CredentialsError.endpointFailed(source: "instance metadata token", statusCode: tokenResponse.statusCode)
        }
        let token = String(decoding: tokenResponse.body, as: UTF8.self)
        let headers: [(name: String, value: String)] = [("X-aws-ec2-metadata-token", token)]
        let roleResponse = try await transport.send(HTTPRequest(method: "GET", url: base + Self.rolePath, headers: headers), timeout: timeout)
        guard roleResponse.isSuccess else {
            if roleResponse.statusCode == 404 { throw CredentialsError.notConfigured("instance metadata (no role)") }
            throw CredentialsError.endpointFailed(source: "instance metadata", statusCode: roleResponse.statusCode)
        }
        let role = String(decoding: roleResponse.body, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard !role.isEmpty, !role.contains("/") else {
            throw CredentialsError.endpointResponseInvalid(source: "instance metadata", detail: "no role name")
        }
        let credentialsResponse = try await transport.send(
            HTTPRequest(method: "GET", url: base + Self.rolePath + URIEncoding.encode(role), headers: headers), timeout: timeout)
        guard credentialsResponse.isSuccess else {
            throw CredentialsError.endpointFailed(source: "instance metadata", statusCode: credentialsResponse.statusCode)
        }
        return try CredentialsJSON.parse(credentialsResponse.body, source: "instance metadata")
    }
}
