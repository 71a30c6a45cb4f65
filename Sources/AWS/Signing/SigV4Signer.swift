import Foundation

/// Signs requests with AWS Signature Version 4 in the `Authorization` header.
///
/// The signer is a value: region, service and options are fixed per client, credentials and
/// time are passed per request so that clock-skew correction and credential refresh stay in
/// the caller's hands. Every intermediate (canonical request, string to sign) is returned in
/// `SigningResult` so tests and the sandbox's verifier can compare them byte for byte.
public struct SigV4Signer: Sendable {
    public static let algorithm = "AWS4-HMAC-SHA256"

    public struct Options: Sendable, Equatable {
        /// Remove dot segments and empty segments from the path before encoding (not S3).
        public var normalizePath: Bool
        /// Add `X-Amz-Content-Sha256` with the payload hash (and sign it).
        public var addContentSHA256Header: Bool
        /// Include `X-Amz-Security-Token` in the signature. A few services want it added after
        /// signing instead; the header is still sent.
        public var signSecurityToken: Bool

        public init(normalizePath: Bool = true, addContentSHA256Header: Bool = false, signSecurityToken: Bool = true) {
            self.normalizePath = normalizePath
            self.addContentSHA256Header = addContentSHA256Header
            self.signSecurityToken = signSecurityToken
        }
    }

    public let region: String
    public let service: String
    public let options: Options
    private let keys: SigningKeyCache

    public init(region: String, service: String, options: Options = Options(), keyCache: SigningKeyCache = SigningKeyCache()) {
        self.region = region
        self.service = service
        self.options = options
        self.keys = keyCache
    }

    /// Returns the request with `X-Amz-Date`, the optional token and content hash, and
    /// `Authorization` added (any earlier values of those headers are replaced).
    public func sign(_ request: SignableRequest, credentials: Credentials, at date: Date) -> SigningResult {
        let time = SigningTime(date)
        let replaced: Set<String> = ["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"]
        var headers = request.headers.filter { !replaced.contains($0.name.lowercased()) }
        headers.append(("X-Amz-Date", time.amzDate))
        if options.addContentSHA256Header {
            headers.append(("X-Amz-Content-Sha256", request.payloadHash))
        }
        if let token = credentials.sessionToken, options.signSecurityToken {
            headers.append(("X-Amz-Security-Token", token))
        }
        var signable = request
        signable.headers = headers

        let canonical = CanonicalRequest(signable, normalizePath: options.normalizePath)
        let scope = CredentialScope(date: time.dateStamp, region: region, service: service)
        let stringToSign = Self.stringToSign(canonical: canonical, amzDate: time.amzDate, scope: scope)
        let key = keys.signingKey(secret: credentials.secretAccessKey, date: time.dateStamp, region: region, service: service)
        let signature = Hashing.hex(Hashing.hmac(key: key, stringToSign))
        let authorization = "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope.text), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"

        if let token = credentials.sessionToken, !options.signSecurityToken {
            headers.append(("X-Amz-Security-Token", token))
        }
        headers.append(("Authorization", authorization))
        signable.headers = headers
        return SigningResult(request: signable, canonicalRequest: canonical, stringToSign: stringToSign, signature: signature)
    }

    static func stringToSign(canonical: CanonicalRequest, amzDate: String, scope: CredentialScope) -> String {
        [algorithm, amzDate, scope.text, Hashing.sha256Hex(canonical.text)].joined(separator: "\n")
    }
}
