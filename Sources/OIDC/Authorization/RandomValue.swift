/// Unguessable values for `state`, `nonce` and the PKCE verifier.
enum RandomValue {
    /// 32 bytes from the system's CSPRNG, base64url without padding.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Base64URL.encode(bytes)
    }
}
