import Foundation
import HTTP
import OIDC

/// Verifies each HTTP request's bearer token as an ID token of the configured issuer:
/// signature (JWKS from discovery), `iss`, `aud` (the configured audience), `exp`/`iat`/`nbf`.
/// Discovery and keys are fetched once and kept; an unknown `kid` refetches the key set (rate
/// limited by `SigningKeySet`).
public actor BearerVerifier {
    public let issuer: String
    public let audience: String
    let clockSkew: TimeInterval
    private let discovery: ProviderDiscovery
    private let transport: any HTTPTransport
    private var verifier: IDTokenVerifier?

    public init(issuer: String, audience: String, clockSkew: TimeInterval = 60, transport: any HTTPTransport) {
        self.issuer = issuer
        self.audience = audience
        self.clockSkew = clockSkew
        self.transport = transport
        discovery = ProviderDiscovery(issuer: issuer, transport: transport)
    }

    /// The verified claims of `token`, or why it is refused.
    public func verify(_ token: String, now: Date = Date()) async throws(BearerRefusal) -> VerifiedBearer {
        let verifier: IDTokenVerifier
        do {
            verifier = try await currentVerifier()
        } catch {
            throw .issuerUnavailable((error as? OIDCError)?.userMessage ?? "the issuer's discovery document could not be read")
        }
        do {
            let claims = try await verifier.verify(token, expectedNonce: nil, now: now)
            return VerifiedBearer(token: token, claims: claims)
        } catch let error as OIDCError {
            switch error {
            case .keySetUnavailable, .discoveryFailed, .network: throw .issuerUnavailable(error.userMessage)
            default: throw .invalidToken(Self.reason(error))
            }
        } catch {
            throw .invalidToken("the token could not be verified")
        }
    }

    private func currentVerifier() async throws -> IDTokenVerifier {
        if let verifier { return verifier }
        let metadata = try await discovery.metadata()
        let made = IDTokenVerifier(issuer: issuer, clientID: audience, advertisedAlgorithms: metadata.idTokenSigningAlgValuesSupported,
                                   keys: SigningKeySet(jwksURI: metadata.jwksURI, transport: transport), clockSkew: clockSkew)
        verifier = made
        return made
    }

    /// Short reasons for `error_description` (RFC 6750 §3): they name the failed check, and
    /// never echo the token or its claims beyond what the caller sent.
    static func reason(_ error: OIDCError) -> String {
        switch error {
        case .invalidSignature, .unknownSigningKey: return "the signature does not verify"
        case .wrongIssuer: return "the token is from another issuer"
        case .wrongAudience, .wrongAuthorizedParty: return "the token is for another audience"
        case .expired: return "the token has expired"
        case .notYetValid, .issuedInTheFuture: return "the token is not valid yet"
        case .algorithmRefused, .algorithmNotAdvertised: return "the token's signing algorithm is not accepted"
        case .malformedIDToken, .missingClaim: return "the token is not a well-formed ID token"
        default: return "the token was refused"
        }
    }
}

/// A bearer token that passed every check, and the claims the server uses.
public struct VerifiedBearer: Sendable {
    /// The token itself: the TTI assertion for this user. Never logged or returned.
    let token: String
    public let claims: IDTokenClaims

    /// A claim holding a list of strings, or one space-separated string (the tenant claim).
    public func strings(_ claim: String) -> [String] {
        UnverifiedJWT(token)?.strings(claim) ?? []
    }
}

/// Why a request's bearer token is refused: 401 for a bad token, 503 when the issuer cannot
/// be asked for its keys.
public enum BearerRefusal: Error, Sendable, Equatable {
    case missing
    case invalidToken(String)
    case issuerUnavailable(String)
}
