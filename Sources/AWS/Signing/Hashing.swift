import Crypto
import Foundation

/// SHA-256 and HMAC helpers in the lowercase-hex form SigV4 writes everywhere.
enum Hashing {
    static let emptyPayloadSHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    static func sha256Hex<D: DataProtocol>(_ data: D) -> String {
        hex(SHA256.hash(data: data))
    }

    static func sha256Hex(_ string: String) -> String {
        var string = string
        return string.withUTF8 { hex(sha256(UnsafeRawBufferPointer($0))) }
    }

    static func sha256(_ bytes: UnsafeRawBufferPointer) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return hasher.finalize()
    }

    static func hmac(key: some ContiguousBytes, _ message: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: key)))
    }

    /// Lowercase hex of `digest` (a SHA-256 digest, an HMAC, a key), written straight into the string.
    static func hex(_ digest: some ContiguousBytes) -> String {
        digest.withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: 2 * bytes.count) { out in
                appendHex(bytes, to: out)
                return 2 * bytes.count
            }
        }
    }

    /// Writes `bytes` as lowercase hex at the start of `out` (which holds twice as many bytes).
    static func appendHex(_ bytes: UnsafeRawBufferPointer, to out: UnsafeMutableBufferPointer<UInt8>) {
        for (index, byte) in bytes.enumerated() {
            out[2 * index] = hexDigit(byte >> 4)
            out[2 * index + 1] = hexDigit(byte & 0x0F)
        }
    }

    @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
    }

    /// Compares two strings in time that depends only on their lengths, so a verifier does not
    /// tell an attacker how many leading characters of a forged signature were right.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
