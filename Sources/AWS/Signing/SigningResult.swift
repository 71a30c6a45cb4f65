import Crypto

/// A signed request and the intermediate texts that produced its signature.
///
/// Not `CustomStringConvertible` on purpose: the headers hold a session token and the
/// signature, and a default description must not print them.
public struct SigningResult: Sendable {
    public let request: SignableRequest
    public let canonicalRequest: CanonicalRequest
    public let signature: String
    /// What the string to sign is made of: the signer hashes it from a stack buffer, and the
    /// text is built only when someone asks for it (tests, the verifier's diagnostics).
    let amzDate: String
    let scope: CredentialScope
    let canonicalDigest: SHA256.Digest

    public var stringToSign: String {
        SigV4Signer.stringToSign(amzDate: amzDate, scope: scope, canonicalDigest: canonicalDigest)
    }
}
