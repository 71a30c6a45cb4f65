/// The JWS algorithms qseek accepts for ID tokens.
///
/// Only asymmetric algorithms: `none` would accept forged tokens and `HS*` would make the
/// client secret (or worse, a public key used as an HMAC secret) the signing key. An algorithm
/// is used only when the issuer also advertises it in `id_token_signing_alg_values_supported`.
public enum SigningAlgorithm: String, Sendable, CaseIterable {
    case rs256 = "RS256"
    case rs384 = "RS384"
    case rs512 = "RS512"
    case ps256 = "PS256"
    case es256 = "ES256"
    case es384 = "ES384"

    /// The JWK `kty` a key for this algorithm must have.
    var keyType: String {
        switch self {
        case .rs256, .rs384, .rs512, .ps256: return "RSA"
        case .es256, .es384: return "EC"
        }
    }

    /// The JWK `crv` an EC key for this algorithm must have (RFC 7518 §3.4).
    var curve: String? {
        switch self {
        case .es256: return "P-256"
        case .es384: return "P-384"
        default: return nil
        }
    }
}
