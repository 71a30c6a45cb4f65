import Crypto
import Foundation

/// A PKCE pair (RFC 7636) with the S256 method only: `plain` would hand the verifier to
/// anyone who sees the authorization request.
public struct PKCE: Sendable {
    public let verifier: String
    public let challenge: String
    public let method = "S256"

    /// A fresh pair: 32 random bytes give a 43-character verifier (§4.1 allows 43..128).
    public init() {
        self.init(verifier: RandomValue.make())
    }

    init(verifier: String) {
        self.verifier = verifier
        self.challenge = Base64URL.encode(Data(SHA256.hash(data: Data(verifier.utf8))))
    }
}

extension PKCE: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "PKCE(S256, verifier: <redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["method": method, "challenge": challenge], displayStyle: .struct) }
}
