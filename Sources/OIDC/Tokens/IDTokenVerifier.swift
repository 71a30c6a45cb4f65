import Foundation
import JWTKit

/// Validates an ID token the way OpenID Connect Core §3.1.3.7 asks a client to.
///
/// Order matters: the header is read and the algorithm vetted before any key is looked up, the
/// signature is checked before any claim is trusted, and only then are `iss`, `aud`/`azp`,
/// the time claims and `nonce` compared.
public struct IDTokenVerifier: Sendable {
    public let issuer: String
    public let clientID: String
    public let advertisedAlgorithms: [String]
    public let keys: SigningKeySet
    /// Allowed difference between our clock and the IdP's.
    public let clockSkew: TimeInterval

    public init(issuer: String, clientID: String, advertisedAlgorithms: [String], keys: SigningKeySet, clockSkew: TimeInterval = 60) {
        self.issuer = issuer
        self.clientID = clientID
        self.advertisedAlgorithms = advertisedAlgorithms
        self.keys = keys
        self.clockSkew = clockSkew
    }

    /// Verifies `token` and returns its claims.
    /// - Parameter expectedNonce: the nonce sent in the authorization request; `nil` for tokens
    ///   from a refresh or the device flow, where no nonce was sent.
    public func verify(_ token: String, expectedNonce: String?, now: Date = Date()) async throws -> IDTokenClaims {
        let header = try Self.header(of: token)
        guard let alg = header.alg else { throw OIDCError.malformedIDToken("no `alg` in the header") }
        guard let algorithm = SigningAlgorithm(rawValue: alg) else { throw OIDCError.algorithmRefused(alg) }
        guard advertisedAlgorithms.contains(alg) else {
            throw OIDCError.algorithmNotAdvertised(alg, advertised: advertisedAlgorithms)
        }

        var jwk = try await keys.key(kid: header.kid, algorithm: algorithm.rawValue).jwk
        // Pin the key to the algorithm we vetted, so jwt-kit cannot pick another one for it.
        jwk.algorithm = JWK.Algorithm(rawValue: algorithm.rawValue)
        if jwk.keyIdentifier == nil { jwk.keyIdentifier = JWKIdentifier(string: "qseek-verification-key") }

        let claims: IDTokenClaims
        do {
            let collection = JWTKeyCollection()
            try await collection.add(jwk: jwk)
            claims = try await collection.verify(token, as: IDTokenClaims.self)
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw OIDCError.invalidSignature
        } catch let error as JWTError where error.errorType == .malformedToken {
            throw OIDCError.malformedIDToken("it is not a compact JWS")
        } catch is DecodingError {
            throw OIDCError.malformedIDToken("required claims are missing or have the wrong type")
        } catch {
            throw OIDCError.invalidSignature
        }

        try check(claims, expectedNonce: expectedNonce, now: now)
        return claims
    }

    /// The claim rules, separated from the signature so their order is easy to audit.
    func check(_ claims: IDTokenClaims, expectedNonce: String?, now: Date) throws {
        if let claim = claims.implausibleTimeClaim {
            throw OIDCError.malformedIDToken("its `\(claim)` claim is not a time between 1970 and 9999")
        }
        guard claims.issuer == issuer else {
            throw OIDCError.wrongIssuer(expected: issuer, actual: claims.issuer)
        }
        guard claims.audiences.contains(clientID) else {
            throw OIDCError.wrongAudience(clientID: clientID, audiences: claims.audiences)
        }
        // OIDC Core §3.1.3.7 items 4-5: with several audiences `azp` must be present, and
        // whenever it is present it must be us.
        if claims.audiences.count > 1 || claims.authorizedParty != nil {
            guard claims.authorizedParty == clientID else {
                throw OIDCError.wrongAuthorizedParty(clientID: clientID, azp: claims.authorizedParty)
            }
        }
        guard claims.expiresAt.addingTimeInterval(clockSkew) > now else {
            throw OIDCError.expired(at: claims.expiresAt)
        }
        guard claims.issuedAt <= now.addingTimeInterval(clockSkew) else {
            throw OIDCError.issuedInTheFuture(at: claims.issuedAt)
        }
        if let notBefore = claims.notBefore, notBefore > now.addingTimeInterval(clockSkew) {
            throw OIDCError.notYetValid(until: notBefore)
        }
        if let expectedNonce {
            guard let nonce = claims.nonce, Self.constantTimeEquals(nonce, expectedNonce) else {
                throw OIDCError.nonceMismatch
            }
        }
        guard !claims.subject.isEmpty else { throw OIDCError.missingClaim("sub") }
    }

    struct Header: Decodable {
        var alg: String?
        var kid: String?
    }

    static func header(of token: String) throws -> Header {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw OIDCError.malformedIDToken("it does not have three parts") }
        guard let data = Base64URL.decode(String(parts[0])),
            let header = try? JSONDecoder().decode(Header.self, from: Data(data))
        else {
            throw OIDCError.malformedIDToken("its header is not base64url JSON")
        }
        return header
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
