import Foundation

/// Writes a canonical request straight into one byte buffer of the right size: no per-header
/// strings, no dictionary, no `joined`. A signature is mostly this text, and building it out of
/// `String` pieces cost several times more than hashing it (profile in Benchmarks/README.md).
///
/// Plain ASCII header names are lowercased, grouped and sorted here byte by byte. Anything
/// else (a non-ASCII name, a name with surrounding spaces, a non-ASCII value holding
/// whitespace) goes through `CanonicalRequest.canonicalHeaders`, whose `String` rules
/// (Unicode lowercasing, `Character` splitting) are the reference these bytes reproduce.
enum CanonicalRequestWriter {
    /// What a header needs: bit 0 whitespace to collapse, bit 1 bytes outside ASCII.
    private static let hasWhitespace: UInt8 = 1, hasNonASCII: UInt8 = 2

    static func write(_ request: SignableRequest, signing signingNames: Set<String>?, normalizePath: Bool) -> ([UInt8], CanonicalRequest.PartEnds) {
        let method = ASCII.scan(request.method) & hasNonASCII == 0 ? request.method : request.method.uppercased()
        let path: String
        if normalizePath {
            path = mayHaveDotOrEmptySegments(request.path) && CanonicalRequest.needsDotSegmentRemoval(request.path)
                ? CanonicalRequest.removeDotSegments(request.path) : request.path
        } else {
            path = request.path.isEmpty ? "/" : request.path
        }
        let query = request.query.isEmpty ? "" : CanonicalRequest.canonicalQuery(request.query)
        let headers = request.headers, payloadHash = request.payloadHash
        var capacity = method.utf8.count + 3 * path.utf8.count + query.utf8.count + payloadHash.utf8.count + 5
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: headers.count) { flags in
            var plain = true
            for (index, header) in headers.enumerated() {
                flags[index] = ASCII.scan(header.value)
                plain = plain && ASCII.isToken(header.name) && flags[index] != hasWhitespace | hasNonASCII
                capacity += 2 * header.name.utf8.count + header.value.utf8.count + 3
            }
            guard plain else {
                let (lines, signed) = CanonicalRequest.canonicalHeaders(headers, only: signingNames)
                capacity += lines.utf8.count + signed.utf8.count + 2
                return write(capacity: capacity, method: method, path: path, query: query, payloadHash: payloadHash) { writer in
                    writer.append(lines)
                    writer.append(UInt8(ascii: "\n"))
                    let start = writer.count
                    writer.append(signed)
                    return start
                }
            }
            return LoweredNames.with(headers) { names in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: headers.count) { order in
                    let signed = sortedSignedHeaders(names, signing: signingNames, into: order)
                    return write(capacity: capacity, method: method, path: path, query: query, payloadHash: payloadHash) { writer in
                        writeHeaders(headers, names: names, order: signed, flags: flags, to: &writer)
                    }
                }
            }
        }
    }

    /// False when `path` surely has no `.`, `..` or empty segment: every such segment starts
    /// the path or follows a `/`, and is empty or starts with a dot.
    private static func mayHaveDotOrEmptySegments(_ path: String) -> Bool {
        path.withUTF8Buffer { bytes in
            guard let first = bytes.first, first != UInt8(ascii: ".") else { return true }
            var previous = first
            for byte in bytes.dropFirst() {
                if previous == UInt8(ascii: "/"), byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") { return true }
                previous = byte
            }
            return false
        }
    }

    /// One allocation: everything is sized before the first byte is written.
    private static func write(capacity: Int, method: String, path: String, query: String, payloadHash: String,
                              headers: (inout UTF8Writer) -> Int) -> ([UInt8], CanonicalRequest.PartEnds) {
        var ends = CanonicalRequest.PartEnds()
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var writer = UTF8Writer(buffer)
            writer.appendUppercased(method)
            ends.method = writer.count
            writer.append(UInt8(ascii: "\n"))
            writer.appendPercentEncoded(path, keepSlash: true)
            ends.path = writer.count
            writer.append(UInt8(ascii: "\n"))
            writer.append(query)
            ends.query = writer.count
            writer.append(UInt8(ascii: "\n"))
            let signedStart = headers(&writer)
            ends.headers = signedStart - 1
            ends.signedHeaders = writer.count
            writer.append(UInt8(ascii: "\n"))
            writer.append(payloadHash)
            count = writer.count
        }
        return (bytes, ends)
    }

    /// The indices of the headers to sign, sorted by lowercase name; stable, so repeated
    /// names keep their order. Insertion sort: there are a handful.
    private static func sortedSignedHeaders(_ names: LoweredNames, signing signingNames: Set<String>?,
                                            into order: UnsafeMutableBufferPointer<Int>) -> UnsafeBufferPointer<Int> {
        var count = 0
        for index in 0..<names.count where isSigned(names[index], signing: signingNames) {
            var slot = count
            while slot > 0, LoweredNames.precedes(names[index], names[order[slot - 1]]) {
                order[slot] = order[slot - 1]
                slot -= 1
            }
            order[slot] = index
            count += 1
        }
        return UnsafeBufferPointer(rebasing: order[..<count])
    }

    private static func isSigned(_ name: UnsafeBufferPointer<UInt8>, signing names: Set<String>?) -> Bool {
        if let names { return names.contains(String(decoding: name, as: UTF8.self)) }
        return !unsignableHeaders.contains { unsignable in unsignable.withUnsafeBufferPointer { LoweredNames.equal($0, name) } }
    }

    private static let unsignableHeaders = CanonicalRequest.unsignableHeaders.map { Array($0.utf8) }

    /// `name:value[,value…]\n` per name, a blank line, then the names joined by `;`; returns
    /// where the names start.
    private static func writeHeaders(_ headers: [(name: String, value: String)], names: LoweredNames, order: UnsafeBufferPointer<Int>,
                                     flags: UnsafeMutableBufferPointer<UInt8>, to writer: inout UTF8Writer) -> Int {
        func value(_ index: Int) {
            if flags[index] & hasWhitespace == 0 {
                writer.append(headers[index].value)
            } else {
                writer.appendCollapsingWhitespace(headers[index].value)
            }
        }
        var position = 0
        while position < order.count {
            let name = names[order[position]]
            writer.append(UnsafeRawBufferPointer(name))
            writer.append(UInt8(ascii: ":"))
            value(order[position])
            position += 1
            while position < order.count, LoweredNames.equal(names[order[position]], name) {
                writer.append(UInt8(ascii: ","))
                value(order[position])
                position += 1
            }
            writer.append(UInt8(ascii: "\n"))
        }
        writer.append(UInt8(ascii: "\n"))
        let start = writer.count
        var previous: UnsafeBufferPointer<UInt8>?
        for index in order {
            let name = names[index]
            if let previous, LoweredNames.equal(previous, name) { continue }
            if previous != nil { writer.append(UInt8(ascii: ";")) }
            writer.append(UnsafeRawBufferPointer(name))
            previous = name
        }
        return start
    }
}

/// Every header name lowercased into one stack buffer, so sorting, grouping and writing them
/// compare and copy bytes instead of lowercasing a name again at each step.
private struct LoweredNames {
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// `starts[i]..<starts[i + 1]` is name `i`.
    let starts: UnsafeMutableBufferPointer<Int>

    var count: Int { starts.count - 1 }

    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[starts[index]..<starts[index + 1]])
    }

    static func with<Result>(_ headers: [(name: String, value: String)], _ body: (LoweredNames) -> Result) -> Result {
        let total = headers.reduce(0) { $0 + $1.name.utf8.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { bytes in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: headers.count + 1) { starts in
                var position = 0
                for (index, header) in headers.enumerated() {
                    starts[index] = position
                    header.name.withUTF8Buffer { name in
                        for byte in name {
                            bytes[position] = ASCII.lowercased(byte)
                            position += 1
                        }
                    }
                }
                starts[headers.count] = position
                return body(LoweredNames(bytes: bytes, starts: starts))
            }
        }
    }

    /// Byte order, a prefix first: `String.utf8.lexicographicallyPrecedes`.
    static func precedes(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(lhs.count, rhs.count)
        if common > 0, let left = lhs.baseAddress, let right = rhs.baseAddress {
            let order = memcmp(left, right, common)
            if order != 0 { return order < 0 }
        }
        return lhs.count < rhs.count
    }

    static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        return memcmp(left, right, lhs.count) == 0
    }
}

extension UTF8Writer {
    mutating func appendUppercased(_ text: String) {
        for byte in text.utf8 { append(ASCII.uppercased(byte)) }
    }

    /// Drops leading and trailing whitespace and turns inner runs into one space. For ASCII
    /// (or any value without whitespace) bytes and `Character`s split alike.
    mutating func appendCollapsingWhitespace(_ value: String) {
        var pendingSpace = false, started = false
        for byte in value.utf8 {
            if ASCII.isWhitespace(byte) {
                pendingSpace = started
            } else {
                if pendingSpace { append(UInt8(ascii: " ")) }
                append(byte)
                pendingSpace = false
                started = true
            }
        }
    }

    /// The path (`/` kept) or any text percent-encoded; copied whole when nothing needs it.
    mutating func appendPercentEncoded(_ text: String, keepSlash: Bool) {
        text.withUTF8Buffer { bytes in
            guard bytes.contains(where: { !(URIEncoding.isUnreserved($0) || (keepSlash && $0 == UInt8(ascii: "/"))) }) else {
                return append(UnsafeRawBufferPointer(bytes))
            }
            for byte in bytes {
                if URIEncoding.isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                    append(byte)
                } else {
                    append(UInt8(ascii: "%"))
                    append(URIEncoding.upperHexDigit(byte >> 4))
                    append(URIEncoding.upperHexDigit(byte & 0x0F))
                }
            }
        }
    }
}
