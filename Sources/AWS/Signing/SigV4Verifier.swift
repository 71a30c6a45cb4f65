import Foundation

/// Recomputes the SigV4 signature of a request someone else signed, the way AWS does.
///
/// The sandbox plays STS, SSO-OIDC, Q Business and Bedrock; it must reject exactly what AWS
/// rejects. It parses `Authorization`, canonicalises only the headers the client said it
/// signed, looks up the secret for the access key, and compares in constant time.
public struct SigV4Verifier: Sendable {
    /// What the `Authorization` header claims.
    public struct Authorization: Sendable, Equatable {
        public let accessKeyID: String
        public let scope: CredentialScope
        public let signedHeaders: [String]
        public let signature: String

        /// Parses `AWS4-HMAC-SHA256 Credential=AK/20150830/us-east-1/svc/aws4_request, SignedHeaders=a;b, Signature=hex`.
        public init?(header: String) {
            guard header.hasPrefix(SigV4Signer.algorithm + " ") else { return nil }
            var fields: [String: String] = [:]
            for part in header.dropFirst(SigV4Signer.algorithm.count + 1).split(separator: ",") {
                let item = part.trimmingCharacters(in: .whitespaces)
                guard let equals = item.firstIndex(of: "=") else { return nil }
                fields[String(item[..<equals])] = String(item[item.index(after: equals)...])
            }
            guard let credential = fields["Credential"], let signed = fields["SignedHeaders"],
                  let signature = fields["Signature"] else { return nil }
            let parts = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 5, parts[4] == "aws4_request", !parts[0].isEmpty else { return nil }
            accessKeyID = parts[0]
            scope = CredentialScope(date: parts[1], region: parts[2], service: parts[3])
            signedHeaders = signed.split(separator: ";").map(String.init)
            self.signature = signature
        }
    }

    public enum Failure: Error, Sendable, Equatable {
        case missingAuthorization
        case malformedAuthorization
        case missingDate
        case scopeMismatch
        case hostNotSigned
        case signatureDoesNotMatch
        /// `X-Amz-Date` is further from the verifier's clock than AWS allows (15 minutes).
        case requestTimeTooSkewed

        /// What a server tells the client, in the words AWS uses for the same failures.
        public var userMessage: String {
            switch self {
            case .missingAuthorization: return "The request is not signed: it has no Authorization header."
            case .malformedAuthorization: return "The Authorization header is not an AWS4-HMAC-SHA256 signature."
            case .missingDate: return "The request has no valid X-Amz-Date header."
            case .scopeMismatch: return "The credential scope's date does not match X-Amz-Date."
            case .hostNotSigned: return "The Host header must be signed."
            case .requestTimeTooSkewed:
                return "The difference between the request time and the current time is too large."
            case .signatureDoesNotMatch:
                return "The request signature we calculated does not match the signature you provided. Check your AWS secret access key and signing method."
            }
        }
    }

    /// The recomputed pieces; `signature` is what the client should have sent.
    public struct Recomputed: Sendable {
        public let canonicalRequest: CanonicalRequest
        public let stringToSign: String
        public let signature: String
    }

    private let keys: SigningKeyCache

    public init(keyCache: SigningKeyCache = SigningKeyCache()) {
        self.keys = keyCache
    }

    /// Recomputes the signature of `request` (as received, `Authorization` included) with
    /// `secretAccessKey`, using the scope and signed-header list the client declared.
    public func recompute(_ request: SignableRequest, authorization: Authorization, secretAccessKey: String,
                          normalizePath: Bool = true) throws(Failure) -> Recomputed {
        guard let amzDate = request.values(of: "x-amz-date").first, let date = SigningTime.parse(amzDate: amzDate) else {
            throw .missingDate
        }
        guard SigningTime(date).dateStamp == authorization.scope.date else { throw .scopeMismatch }
        guard authorization.signedHeaders.contains("host") else { throw .hostNotSigned }
        let canonical = CanonicalRequest(request, signing: Set(authorization.signedHeaders), normalizePath: normalizePath)
        let stringToSign = SigV4Signer.stringToSign(canonical: canonical, amzDate: amzDate, scope: authorization.scope)
        let key = keys.entry(secret: secretAccessKey, date: authorization.scope.date,
                             region: authorization.scope.region, service: authorization.scope.service)
        return Recomputed(canonicalRequest: canonical, stringToSign: stringToSign, signature: key.signatureHex(of: stringToSign))
    }

    /// AWS refuses requests signed more than 15 minutes before or after its own clock.
    public static let allowedClockSkew: TimeInterval = 15 * 60

    /// Verifies `request` end to end; `secretFor` maps an access key id to its secret (nil: unknown key).
    /// With `now`, a request whose `X-Amz-Date` is more than `allowedClockSkew` away is refused,
    /// as AWS does. Returns the parsed authorization so the caller can check region and service.
    public func verify(_ request: SignableRequest, normalizePath: Bool = true, now: Date? = nil,
                       secretFor: (String) -> String?) throws(Failure) -> Authorization {
        guard let header = request.values(of: "authorization").first else { throw .missingAuthorization }
        guard let authorization = Authorization(header: header) else { throw .malformedAuthorization }
        if let now {
            guard let amzDate = request.values(of: "x-amz-date").first, let signedAt = SigningTime.parse(amzDate: amzDate) else {
                throw .missingDate
            }
            guard abs(signedAt.timeIntervalSince(now)) <= Self.allowedClockSkew else { throw .requestTimeTooSkewed }
        }
        guard let secret = secretFor(authorization.accessKeyID) else { throw .signatureDoesNotMatch }
        let recomputed = try recompute(request, authorization: authorization, secretAccessKey: secret, normalizePath: normalizePath)
        guard Hashing.constantTimeEquals(recomputed.signature, authorization.signature) else { throw .signatureDoesNotMatch }
        return authorization
    }
}
