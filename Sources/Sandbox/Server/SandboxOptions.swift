import Foundation

/// How a sandbox runs: where it listens, what it serves and how it misbehaves on purpose.
public struct SandboxOptions: Sendable {
    /// Must be a loopback address: the sandbox hands out demo credentials to anyone who asks.
    public var host: String
    /// 0 picks a free port; the running handle reports the one bound.
    public var port: Int
    /// A corpus directory in the documented format; nil serves the bundled demo corpus.
    public var dataDirectory: URL?
    /// The trusted token issuer of every tenant's Identity Center; nil trusts the sandbox IdP.
    public var trustedIssuer: TrustedIssuer?
    public var faults: FaultPlan
    /// Seeds the fault injector so a failing run can be replayed.
    public var seed: UInt64
    /// Lifetime of the ID tokens the sandbox IdP issues.
    public var idTokenLifetime: TimeInterval
    /// Lifetime of Identity Center authorization codes (auth-code data accessors); short for expiry tests.
    public var authCodeLifetime: TimeInterval = 60
    /// Largest request body accepted; a larger one gets 413 and the server keeps serving.
    public var maxBodyBytes: Int
    /// Where to record every secret the sandbox issues (for secret-hygiene tests); nil records nothing.
    public var secretLedgerPath: String?

    public init(host: String = "127.0.0.1", port: Int = 0, dataDirectory: URL? = nil, trustedIssuer: TrustedIssuer? = nil,
                faults: FaultPlan = FaultPlan(), seed: UInt64 = 1, idTokenLifetime: TimeInterval = 3600,
                maxBodyBytes: Int = 10 * 1024 * 1024) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.trustedIssuer = trustedIssuer
        self.faults = faults
        self.seed = seed
        self.idTokenLifetime = idTokenLifetime
        self.maxBodyBytes = maxBodyBytes
    }
}

/// An external OpenID Connect issuer that tenants' Identity Center trusts instead of the
/// sandbox IdP (`--trust-issuer URL --trust-audience ID --trust-claim NAME`).
public struct TrustedIssuer: Sendable, Equatable {
    /// The issuer URL without `/.well-known/openid-configuration`, as AWS configures it.
    public var issuer: String
    public var audience: String
    /// The ID-token claim matched against the tenant's users (their email).
    public var claim: String

    public init(issuer: String, audience: String, claim: String = "email") {
        self.issuer = issuer
        self.audience = audience
        self.claim = claim
    }
}

/// The fixed, public demo identity of "the ISV" in the sandbox. It is not a secret: it only
/// opens the sandbox, and every config the sandbox writes contains it.
public enum DemoCredentials {
    public static let accessKeyID = "AKIASANDBOXDEMO00001"
    public static let secretAccessKey = "sandbox/DemoSecretKey/NotASecret0000000001"
    public static let extractiveModelID = "sandbox.extractive-v1"
}

public enum SandboxStartError: Error, Sendable, CustomStringConvertible {
    case notLoopback(String)
    case corpus(CorpusError)

    public var description: String {
        switch self {
        case .notLoopback(let host): "the sandbox only listens on loopback (127.0.0.1 or localhost), not \(host)"
        case .corpus(let error): error.description
        }
    }
}
