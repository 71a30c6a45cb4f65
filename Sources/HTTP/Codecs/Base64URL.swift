import Foundation

/// Unpadded base64url (RFC 4648 §5): JWS parts, PKCE challenges, random `state`, `nonce`,
/// codes and tokens, and the sandbox's sealed values.
public enum Base64URL {
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The bytes of unpadded base64url text; nil for anything else: padding (JWS compact
    /// serialisation has none, RFC 7515 §2) and the standard alphabet's `+` and `/` included.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        guard !text.contains(where: { $0 == "=" || $0 == "+" || $0 == "/" }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard base64.count % 4 != 1 else { return nil }
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map(Array.init)
    }
}
