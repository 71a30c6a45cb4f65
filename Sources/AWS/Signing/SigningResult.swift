/// A signed request and the intermediate texts that produced its signature.
///
/// Not `CustomStringConvertible` on purpose: the headers hold a session token and the
/// signature, and a default description must not print them.
public struct SigningResult: Sendable {
    public let request: SignableRequest
    public let canonicalRequest: CanonicalRequest
    public let stringToSign: String
    public let signature: String
}
