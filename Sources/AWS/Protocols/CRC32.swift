/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), table-driven.
///
/// The event-stream format checksums both the prelude and the whole message with it. Kept here
/// rather than borrowed from zlib so the decoder has no C dependency and behaves the same on
/// every platform.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 {
            crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
        }
        return crc
    }

    /// Checksum of `bytes`, continuing from `crc` (pass a previous result to checksum in pieces).
    public static func checksum<C: Collection>(_ bytes: C, continuing crc: UInt32 = 0) -> UInt32 where C.Element == UInt8 {
        var value = ~crc
        for byte in bytes {
            value = table[Int((value ^ UInt32(byte)) & 0xFF)] ^ (value >> 8)
        }
        return ~value
    }
}
