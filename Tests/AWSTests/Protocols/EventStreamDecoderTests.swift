import Foundation
import Testing
@testable import AWS

struct EventStreamDecoderTests {
    static let everyHeaderType: EventStreamMessage = EventStreamMessage(headers: [
        ("true", .bool(true)), ("false", .bool(false)), ("byte", .byte(-7)), ("short", .int16(-300)),
        ("int", .int32(70_000)), ("long", .int64(-5_000_000_000)), ("bytes", .bytes([0, 1, 255])),
        ("string", .string("héllo")), ("time", .timestamp(1_700_000_000_123)),
        ("uuid", .uuid(UUID(uuidString: "01234567-89AB-CDEF-0123-456789ABCDEF")!)),
    ], payload: Array("{\"x\":1}".utf8))

    @Test func aMessageWithAllTenHeaderTypesRoundTrips() throws {
        var decoder = EventStreamDecoder()
        decoder.append(EventStreamEncoder.encode(Self.everyHeaderType))
        #expect(try decoder.next() == Self.everyHeaderType)
        #expect(try decoder.next() == nil)
        try decoder.finish()
    }

    @Test func messagesSplitIntoOneByteChunksStillDecode() throws {
        let first = EventStreamMessage(headers: [(":message-type", .string("event"))], payload: Array("a".utf8))
        let bytes = EventStreamEncoder.encode(first) + EventStreamEncoder.encode(Self.everyHeaderType)
        var decoder = EventStreamDecoder()
        var decoded: [EventStreamMessage] = []
        for byte in bytes {
            decoder.append([byte])
            while let message = try decoder.next() { decoded.append(message) }
        }
        #expect(decoded == [first, Self.everyHeaderType])
    }

    @Test func theEncoderMatchesAKnownFrameFromTheSpecification() {
        // An empty message: total 16, headers 0, prelude CRC 0x05C248EB, message CRC 0x7D98C8FF (AWS SDK test vector).
        let bytes = EventStreamEncoder.encode(EventStreamMessage(headers: [], payload: []))
        #expect(bytes == [0, 0, 0, 0x10, 0, 0, 0, 0, 0x05, 0xC2, 0x48, 0xEB, 0x7D, 0x98, 0xC8, 0xFF])
    }

    @Test func aCorruptedPreludeChecksumIsRefused() {
        var bytes = EventStreamEncoder.encode(Self.everyHeaderType)
        bytes[9] ^= 0xFF
        var decoder = EventStreamDecoder()
        decoder.append(bytes)
        #expect(throws: EventStreamError.self) { try decoder.next() }
        do { _ = try decoder.next() } catch { guard case .preludeChecksumMismatch = error else { Issue.record("\(error)"); return } }
    }

    @Test func aCorruptedPayloadFailsTheMessageChecksum() {
        var bytes = EventStreamEncoder.encode(Self.everyHeaderType)
        bytes[bytes.count - 6] ^= 0x01
        var decoder = EventStreamDecoder()
        decoder.append(bytes)
        do {
            _ = try decoder.next()
            Issue.record("corruption was not detected")
        } catch {
            guard case .messageChecksumMismatch = error else { Issue.record("wrong error \(error)"); return }
        }
    }

    @Test func aStreamEndingInsideAFrameIsReportedAsTruncated() throws {
        let bytes = EventStreamEncoder.encode(Self.everyHeaderType)
        var decoder = EventStreamDecoder()
        decoder.append(bytes.dropLast(5))
        #expect(try decoder.next() == nil)
        #expect(throws: EventStreamError.truncatedFrame(buffered: bytes.count - 5)) { try decoder.finish() }
    }

    @Test(arguments: [(UInt32(8), UInt32(0)), (UInt32(0xFFFF_FFFF), UInt32(0)), (UInt32(100), UInt32(200)), (UInt32(300_000), UInt32(200_000))])
    func absurdLengthsAreRefusedBeforeAnythingIsAllocated(total: UInt32, headers: UInt32) {
        var prelude: [UInt8] = []
        EventStreamEncoder.append(total, to: &prelude)
        EventStreamEncoder.append(headers, to: &prelude)
        EventStreamEncoder.append(CRC32.checksum(prelude), to: &prelude)
        var decoder = EventStreamDecoder()
        decoder.append(prelude)
        #expect(throws: EventStreamError.invalidLength(total: total, headers: headers)) { try decoder.next() }
    }

    @Test func anUnknownHeaderTypeIsATypedErrorNotACrash() throws {
        var headerBytes: [UInt8] = [1, UInt8(ascii: "x"), 42]
        headerBytes += [0, 0]
        var frame: [UInt8] = []
        EventStreamEncoder.append(UInt32(16 + headerBytes.count), to: &frame)
        EventStreamEncoder.append(UInt32(headerBytes.count), to: &frame)
        EventStreamEncoder.append(CRC32.checksum(frame), to: &frame)
        frame += headerBytes
        EventStreamEncoder.append(CRC32.checksum(frame), to: &frame)
        var decoder = EventStreamDecoder()
        decoder.append(frame)
        #expect(throws: EventStreamError.self) { try decoder.next() }
    }

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}
