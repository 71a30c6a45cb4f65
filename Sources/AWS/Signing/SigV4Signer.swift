import Crypto
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

    /// Headers the signer writes itself; earlier values of them are dropped.
    static let replacedHeaders: Set<String> = ["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"]

    /// Returns the request with `X-Amz-Date`, the optional token and content hash, and
    /// `Authorization` added (any earlier values of those headers are replaced).
    public func sign(_ request: SignableRequest, credentials: Credentials, at date: Date) -> SigningResult {
        let time = keys.signingTime(date)
        var signable = request
        signable.headers = []
        signable.headers.reserveCapacity(request.headers.count + 4)
        for header in request.headers where !ASCII.lowercased(header.name, isIn: Self.replacedHeaders) {
            signable.headers.append(header)
        }
        signable.headers.append(("X-Amz-Date", time.amzDate))
        if options.addContentSHA256Header {
            signable.headers.append(("X-Amz-Content-Sha256", request.payloadHash))
        }
        if let token = credentials.sessionToken, options.signSecurityToken {
            signable.headers.append(("X-Amz-Security-Token", token))
        }

        let canonical = CanonicalRequest(signable, normalizePath: options.normalizePath)
        let scope = CredentialScope(date: time.dateStamp, region: region, service: service)
        let digest = canonical.bytes.withUnsafeBytes(Hashing.sha256)
        let key = keys.entry(secret: credentials.secretAccessKey, date: time.dateStamp, region: region, service: service)
        let signature = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.stringToSignCapacity(amzDate: time.amzDate, scope: scope)) { buffer in
            var text = UTF8Writer(buffer)
            Self.writeStringToSign(amzDate: time.amzDate, scope: scope, canonicalDigest: digest, to: &text)
            return key.signatureHex(of: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[..<text.count]))
        }
        let authorization = Self.authorization(accessKeyID: credentials.accessKeyID, scope: scope, canonical: canonical, signature: signature)

        // Appended in place: the array was reserved for them and nothing else holds it.
        if let token = credentials.sessionToken, !options.signSecurityToken {
            signable.headers.append(("X-Amz-Security-Token", token))
        }
        signable.headers.append(("Authorization", authorization))
        return SigningResult(request: signable, canonicalRequest: canonical, signature: signature, amzDate: time.amzDate, scope: scope,
                             canonicalDigest: digest)
    }

    /// `AWS4-HMAC-SHA256 Credential=AK/scope, SignedHeaders=a;b, Signature=hex`.
    static func authorization(accessKeyID: String, scope: CredentialScope, canonical: CanonicalRequest, signature: String) -> String {
        let signedHeaders = canonical.signedHeadersRange
        let capacity = algorithm.utf8.count + accessKeyID.utf8.count + scope.textByteCount + signedHeaders.count
            + signature.utf8.count + " Credential=/, SignedHeaders=, Signature=".utf8.count
        return String(utf8Capacity: capacity) { text in
            text.append(algorithm)
            text.append(" Credential=")
            text.append(accessKeyID)
            text.append(UInt8(ascii: "/"))
            scope.write(to: &text)
            text.append(", SignedHeaders=")
            canonical.bytes.withUnsafeBytes { text.append(UnsafeRawBufferPointer(rebasing: $0[signedHeaders])) }
            text.append(", Signature=")
            text.append(signature)
        }
    }

    /// `AWS4-HMAC-SHA256 \n amzDate \n scope \n hex(SHA-256(canonical request))`.
    static func stringToSign(canonical: CanonicalRequest, amzDate: String, scope: CredentialScope) -> String {
        stringToSign(amzDate: amzDate, scope: scope, canonicalDigest: canonical.bytes.withUnsafeBytes(Hashing.sha256))
    }

    static func stringToSign(amzDate: String, scope: CredentialScope, canonicalDigest: SHA256.Digest) -> String {
        String(utf8Capacity: stringToSignCapacity(amzDate: amzDate, scope: scope)) { text in
            writeStringToSign(amzDate: amzDate, scope: scope, canonicalDigest: canonicalDigest, to: &text)
        }
    }

    static func stringToSignCapacity(amzDate: String, scope: CredentialScope) -> Int {
        algorithm.utf8.count + amzDate.utf8.count + scope.textByteCount + 2 * SHA256.byteCount + 3
    }

    static func writeStringToSign(amzDate: String, scope: CredentialScope, canonicalDigest: SHA256.Digest, to text: inout UTF8Writer) {
        text.append(algorithm)
        text.append(UInt8(ascii: "\n"))
        text.append(amzDate)
        text.append(UInt8(ascii: "\n"))
        scope.write(to: &text)
        text.append(UInt8(ascii: "\n"))
        canonicalDigest.withUnsafeBytes { text.appendHex($0) }
    }
}
