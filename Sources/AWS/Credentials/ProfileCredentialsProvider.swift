import Foundation

/// Credentials from a profile of the shared config files: static keys, `credential_process`,
/// or `role_arn` with `source_profile` / `credential_source` (role chaining through STS).
///
/// Every hop of a chain is resolved again on each call; wrap the provider in a
/// `CachedCredentialsProvider` so the STS calls happen once per credential lifetime.
public struct ProfileCredentialsProvider: CredentialsProvider {
    public let profileName: String
    public let files: SharedConfigFiles
    public let environment: [String: String]
    public let transport: any HTTPTransport
    public var retry: RetryStrategy
    /// Whether the profile was asked for by name (`AWS_PROFILE`): then a missing profile is an
    /// error instead of "not configured".
    public let explicitlySelected: Bool

    public init(profileName: String, files: SharedConfigFiles, environment: [String: String], transport: any HTTPTransport,
                retry: RetryStrategy = RetryStrategy(), explicitlySelected: Bool) {
        self.profileName = profileName
        self.files = files
        self.environment = environment
        self.transport = transport
        self.retry = retry
        self.explicitlySelected = explicitlySelected
    }

    public func credentials() async throws -> Credentials {
        guard files.profile(profileName) != nil else {
            if explicitlySelected { throw CredentialsError.profileNotFound(profileName) }
            throw CredentialsError.notConfigured("profile \(profileName)")
        }
        return try await resolve(profileName, visited: [])
    }

    private func resolve(_ name: String, visited: [String]) async throws -> Credentials {
        guard let profile = files.profile(name) else { throw CredentialsError.profileNotFound(name) }
        if let roleARN = profile["role_arn"], !roleARN.isEmpty {
            let path = visited + [name]
            let source: Credentials
            if let sourceName = profile["source_profile"], !sourceName.isEmpty {
                if sourceName == name {
                    source = try staticCredentials(profile, name: name)
                } else {
                    guard !path.contains(sourceName) else { throw CredentialsError.roleChainLoop(path + [sourceName]) }
                    source = try await resolve(sourceName, visited: path)
                }
            } else if let credentialSource = profile["credential_source"] {
                source = try await credentialsFromSource(credentialSource, profile: name)
            } else {
                throw CredentialsError.incompleteProfile(profile: name, detail: "role_arn needs source_profile or credential_source")
            }
            return try await assume(roleARN, profile: profile, name: name, with: source)
        }
        if profile["aws_access_key_id"] != nil {
            return try staticCredentials(profile, name: name)
        }
        if let command = profile["credential_process"], !command.isEmpty {
            return try await ProcessCredentialsProvider(command: command).credentials()
        }
        throw CredentialsError.incompleteProfile(profile: name, detail: "no aws_access_key_id, credential_process or role_arn")
    }

    private func staticCredentials(_ profile: [String: String], name: String) throws -> Credentials {
        guard let key = profile["aws_access_key_id"], !key.isEmpty,
              let secret = profile["aws_secret_access_key"], !secret.isEmpty else {
            throw CredentialsError.incompleteProfile(profile: name, detail: "aws_access_key_id needs aws_secret_access_key")
        }
        return Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: profile["aws_session_token"])
    }

    private func credentialsFromSource(_ source: String, profile: String) async throws -> Credentials {
        switch source {
        case "Environment": return try await EnvironmentCredentialsProvider(environment: environment).credentials()
        case "Ec2InstanceMetadata": return try await InstanceMetadataCredentialsProvider(environment: environment, transport: transport).credentials()
        case "EcsContainer": return try await ContainerCredentialsProvider(environment: environment, transport: transport).credentials()
        default: throw CredentialsError.incompleteProfile(profile: profile, detail: "unknown credential_source \(source)")
        }
    }

    private func assume(_ roleARN: String, profile: [String: String], name: String, with source: Credentials) async throws -> Credentials {
        let region = RegionResolver.region(environment: environment, profileRegion: profile["region"]) ?? "us-east-1"
        let endpoint = try EndpointResolver(environment: environment, profileEndpoint: profile["endpoint_url"])
            .endpoint(for: .sts, region: region)
        let client = AWSServiceClient(service: .sts, region: region, endpoint: endpoint,
                                      credentials: StaticCredentialsProvider(source), transport: transport, retry: retry)
        let sessionName = profile["role_session_name"] ?? "qseek-\(Int(Date().timeIntervalSince1970))"
        let request = AssumeRoleRequest(roleARN: roleARN, sessionName: sessionName,
                                        durationSeconds: profile["duration_seconds"].flatMap { Int($0) },
                                        externalID: profile["external_id"])
        return try await STS(client: client).assumeRole(request).credentials
    }
}
