/// Something that can produce AWS credentials, possibly by asking a remote party.
public protocol CredentialsProvider: Sendable {
    /// Current credentials; throws `CredentialsError.notConfigured` when this source has nothing
    /// to offer (the chain then asks the next one), any other error when it should have.
    func credentials() async throws -> Credentials
}

/// Credentials handed in by the application (the config file's base credentials, a test).
public struct StaticCredentialsProvider: CredentialsProvider {
    public let value: Credentials

    public init(_ value: Credentials) {
        self.value = value
    }

    public func credentials() async throws -> Credentials { value }
}
