import Foundation

/// ECS/EKS container credentials: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on 169.254.170.2)
/// or `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with an optional authorization token taken from
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (re-read every time: EKS rotates it) or
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
///
/// A full URI over plain http must point at a loopback address or the ECS/EKS link-local
/// hosts, as in the SDKs: otherwise a tampered variable could send the token to anyone.
public struct ContainerCredentialsProvider: CredentialsProvider {
    public static let relativeHost = "169.254.170.2"
    static let allowedHTTPHosts: Set<String> = ["localhost", "169.254.170.2", "169.254.170.23", "fd00:ec2::23"]

    public let environment: [String: String]
    public let transport: any HTTPTransport
    public var timeout: Duration = .seconds(5)

    public init(environment: [String: String], transport: any HTTPTransport) {
        self.environment = environment
        self.transport = transport
    }

    public func credentials() async throws -> Credentials {
        let url = try resolveURL()
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if let tokenFile = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"], !tokenFile.isEmpty {
            guard let token = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw CredentialsError.endpointResponseInvalid(source: "container", detail: "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")
            }
            headers.append(("Authorization", token.trimmingCharacters(in: .whitespacesAndNewlines)))
        } else if let token = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"], !token.isEmpty {
            headers.append(("Authorization", token))
        }
        let response = try await transport.send(HTTPRequest(method: "GET", url: url, headers: headers), timeout: timeout)
        guard response.isSuccess else { throw CredentialsError.endpointFailed(source: "container", statusCode: response.statusCode) }
        return try CredentialsJSON.parse(response.body, source: "container")
    }

    func resolveURL() throws(CredentialsError) -> String {
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !relative.isEmpty {
            return "http://\(Self.relativeHost)" + (relative.hasPrefix("/") ? relative : "/" + relative)
        }
        guard let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty else {
            throw .notConfigured("container")
        }
        guard let components = URLComponents(string: full), let scheme = components.scheme?.lowercased(),
              let host = components.host else { throw .forbiddenEndpoint(full) }
        if scheme == "https" { return full }
        guard scheme == "http", Self.isAllowedHTTPHost(host) else {
            throw .forbiddenEndpoint(full)
        }
        return full
    }

    /// What botocore's `ContainerMetadataFetcher` accepts over plain http: a loopback IP
    /// literal (127.0.0.0/8, ::1), `localhost`, or the ECS and EKS link-local hosts. A name
    /// that merely starts with `127.` (`127.attacker.example`) resolves anywhere.
    static func isAllowedHTTPHost(_ host: String) -> Bool {
        var literal = host.lowercased()
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
        if allowedHTTPHosts.contains(literal) { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, literal, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { bytes in bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1 }
        }
        return false
    }
}
