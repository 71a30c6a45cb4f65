import AWS
import Foundation

/// Who signed an AWS request.
public enum Caller: Sendable {
    /// The ISV's base key (`DemoCredentials`).
    case base
    /// Credentials the sandbox STS issued.
    case session(SessionCredentials)
}

/// A request whose SigV4 signature checked out.
struct AuthenticatedRequest: Sendable {
    var caller: Caller
    var region: String
    var service: String
}

/// Why AWS would refuse to authenticate a request. Each service names these its own way.
enum AuthenticationFailure: Error, Sendable, Equatable {
    case missingAuthentication
    case incompleteSignature(String)
    case unknownAccessKey
    case signatureMismatch
    case signatureExpired
    case expiredToken
    case invalidToken
    case wrongService(String)
}

/// Checks SigV4 the way AWS does, recomputing the signature with the AWS module's verifier
/// (the same canonicalisation the client signs with), then the key, session token, clock and scope.
struct RequestAuthenticator: Sendable {
    let credentials: CredentialStore
    /// Session credentials older than this are refused as expired (fault `expire-credentials-after`).
    let maximumSessionAge: TimeInterval?
    private let verifier = SigV4Verifier()
    /// AWS accepts requests signed up to 15 minutes either side of its clock.
    static let allowedSkew: TimeInterval = 15 * 60

    init(credentials: CredentialStore, maximumSessionAge: TimeInterval?) {
        self.credentials = credentials
        self.maximumSessionAge = maximumSessionAge
    }

    func authenticate(_ request: ReceivedRequest, service: String, now: Date = Date()) async throws(AuthenticationFailure) -> AuthenticatedRequest {
        guard let header = request.header("authorization") else { throw .missingAuthentication }
        guard let authorization = SigV4Verifier.Authorization(header: header) else {
            throw .incompleteSignature("Authorization header requires Credential, SignedHeaders and Signature parameters")
        }
        guard authorization.scope.service == service else {
            throw .wrongService("Credential should be scoped to correct service: '\(service)'")
        }
        let caller: Caller
        let secret: String
        if authorization.accessKeyID == DemoCredentials.accessKeyID {
            caller = .base
            secret = DemoCredentials.secretAccessKey
        } else if let session = await credentials.session(accessKeyID: authorization.accessKeyID) {
            guard let token = request.header("x-amz-security-token"), constantTimeEquals(token, session.sessionToken) else {
                throw .invalidToken
            }
            caller = .session(session)
            secret = session.secretAccessKey
        } else {
            throw .unknownAccessKey
        }
        let signable = SignableRequest(method: request.method, path: request.path, query: request.query,
                                       headers: request.headers, body: request.body)
        let recomputed: SigV4Verifier.Recomputed
        do {
            recomputed = try verifier.recompute(signable, authorization: authorization, secretAccessKey: secret)
        } catch {
            switch error {
            case .missingDate: throw .incompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header")
            case .hostNotSigned: throw .incompleteSignature("'Host' must be a signed header")
            default: throw .signatureMismatch
            }
        }
        guard constantTimeEquals(recomputed.signature, authorization.signature) else { throw .signatureMismatch }
        if let amzDate = request.header("x-amz-date"), let signedAt = Self.parseAmzDate(amzDate),
           abs(signedAt.timeIntervalSince(now)) > Self.allowedSkew {
            throw .signatureExpired
        }
        if case .session(let session) = caller {
            if session.expiration <= now { throw .expiredToken }
            if let age = maximumSessionAge, now.timeIntervalSince(session.issuedAt) > age { throw .expiredToken }
        }
        return AuthenticatedRequest(caller: caller, region: authorization.scope.region, service: service)
    }

    static func parseAmzDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }
}

/// Compares in time that depends only on the lengths, so a forged value leaks nothing.
func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
    let a = Array(lhs.utf8), b = Array(rhs.utf8)
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for index in a.indices { difference |= a[index] ^ b[index] }
    return difference == 0
}

extension AuthenticationFailure {
    /// The restJson1 form (Q Business, SSO-OIDC, Bedrock).
    var jsonError: AWSJSONError {
        switch self {
        case .missingAuthentication:
            AWSJSONError(status: .forbidden, type: "MissingAuthenticationTokenException", message: "Missing Authentication Token")
        case .incompleteSignature(let text):
            AWSJSONError(status: .forbidden, type: "IncompleteSignatureException", message: text)
        case .unknownAccessKey, .invalidToken:
            AWSJSONError(status: .forbidden, type: "UnrecognizedClientException", message: "The security token included in the request is invalid.")
        case .signatureMismatch:
            AWSJSONError(status: .forbidden, type: "InvalidSignatureException",
                         message: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.")
        case .signatureExpired:
            AWSJSONError(status: .forbidden, type: "InvalidSignatureException", message: "Signature expired: the request time is outside the allowed window of 15 minutes.")
        case .expiredToken:
            AWSJSONError(status: .forbidden, type: "ExpiredTokenException", message: "The security token included in the request is expired")
        case .wrongService(let text):
            AWSJSONError(status: .forbidden, type: "InvalidSignatureException", message: text)
        }
    }

    /// The awsQuery form (STS): code, HTTP status and message.
    var queryError: STSError {
        switch self {
        case .missingAuthentication:
            STSError(code: "MissingAuthenticationToken", status: .forbidden, message: "Request is missing Authentication Token")
        case .incompleteSignature(let text):
            STSError(code: "IncompleteSignature", status: .badRequest, message: text)
        case .unknownAccessKey, .invalidToken:
            STSError(code: "InvalidClientTokenId", status: .forbidden, message: "The security token included in the request is invalid.")
        case .signatureMismatch:
            STSError(code: "SignatureDoesNotMatch", status: .forbidden,
                     message: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
        case .signatureExpired:
            STSError(code: "SignatureDoesNotMatch", status: .forbidden, message: "Signature expired: the request time is outside the allowed window of 15 minutes.")
        case .expiredToken:
            STSError(code: "ExpiredToken", status: .badRequest, message: "The security token included in the request is expired")
        case .wrongService(let text):
            STSError(code: "SignatureDoesNotMatch", status: .forbidden, message: text)
        }
    }
}
