/// The SigV4 canonical request, built exactly as the specification and botocore build it.
///
/// A server-side verifier builds the same value from what it received, so every rule here is a
/// pure function of the request: nothing reads the clock or the credentials.
///
/// The text is built once, as UTF-8 bytes in one buffer (`CanonicalRequestWriter`): that is what
/// gets hashed on every signature, and the parts below are read out of it only when asked for.
public struct CanonicalRequest: Sendable, Equatable {
    /// Headers never signed: proxies and HTTP stacks rewrite them in flight (botocore's list).
    public static let unsignableHeaders: Set<String> = ["authorization", "user-agent", "expect", "transfer-encoding", "x-amzn-trace-id"]

    /// `method \n path \n query \n header lines \n signed names \n payload hash`, as UTF-8.
    let bytes: [UInt8]
    /// Where the first five parts end in `bytes`; each is followed by one `\n`.
    let ends: PartEnds

    struct PartEnds: Sendable, Equatable {
        var method = 0, path = 0, query = 0, headers = 0, signedHeaders = 0
    }

    public var method: String { part(0, ends.method) }
    public var canonicalPath: String { part(ends.method + 1, ends.path) }
    public var canonicalQuery: String { part(ends.path + 1, ends.query) }
    /// `name:value` lines, sorted by lowercase name.
    public var canonicalHeaders: String { part(ends.query + 1, ends.headers) }
    /// Lowercase names joined by `;`.
    public var signedHeaders: String { part(ends.headers + 1, ends.signedHeaders) }
    public var payloadHash: String { part(ends.signedHeaders + 1, bytes.count) }

    var signedHeadersRange: Range<Int> { ends.headers + 1..<ends.signedHeaders }

    /// The text whose SHA-256 goes into the string to sign.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    private func part(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Canonicalises `request`, signing the headers named in `headerNames` (all signable ones
    /// when `nil`). `normalizePath` removes `.`/`..` segments and empty segments first; every
    /// service but S3 wants that.
    public init(_ request: SignableRequest, signing headerNames: Set<String>? = nil, normalizePath: Bool = true) {
        (bytes, ends) = CanonicalRequestWriter.write(request, signing: headerNames, normalizePath: normalizePath)
    }

    /// Encodes the wire path once more (keeping `/`), after optional dot-segment removal.
    public static func canonicalPath(_ path: String, normalize: Bool) -> String {
        let source = normalize ? removeDotSegments(path) : (path.isEmpty ? "/" : path)
        return URIEncoding.encode(source, keepSlash: true)
    }

    /// RFC 3986 §5.2.4 plus the AWS rule that empty segments (`//`) disappear; a trailing slash
    /// survives when anything is left. Same algorithm as botocore's `remove_dot_segments`.
    static func removeDotSegments(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                if !output.isEmpty { output.removeLast() }
            } else {
                output.append(segment)
            }
        }
        let first = path.hasPrefix("/") ? "/" : ""
        let last = path.hasSuffix("/") && !output.isEmpty ? "/" : ""
        let result = first + output.joined(separator: "/") + last
        return result.isEmpty ? "/" : result
    }

    /// Whether `removeDotSegments` would change `path`: it is empty, or has an empty, `.` or
    /// `..` segment other than the one a trailing slash leaves. Most paths do not.
    static func needsDotSegmentRemoval(_ path: String) -> Bool {
        path.withUTF8Buffer { bytes in
            var segmentLength = 0, dots = 0
            for index in bytes.indices {
                if bytes[index] == UInt8(ascii: "/") {
                    // An empty segment counts unless it is the one before a leading `/`.
                    if index > 0, segmentLength == 0 || segmentLength == dots && dots <= 2 { return true }
                    segmentLength = 0
                    dots = 0
                } else {
                    segmentLength += 1
                    if bytes[index] == UInt8(ascii: ".") { dots += 1 }
                }
            }
            return bytes.isEmpty || (segmentLength > 0 && segmentLength == dots && dots <= 2)
        }
    }

    /// Decodes each `key=value` pair and re-encodes it with the SigV4 rule, then sorts by
    /// encoded key and, for repeated keys, by encoded value. A key without `=` gets an empty value.
    public static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        var pairs: [(key: String, value: String)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let key: Substring, value: Substring
            if let equals = part.firstIndex(of: "=") {
                key = part[..<equals]
                value = part[part.index(after: equals)...]
            } else {
                key = part
                value = ""
            }
            pairs.append((
                URIEncoding.encode(bytes: URIEncoding.decode(String(key)), keepSlash: false),
                URIEncoding.encode(bytes: URIEncoding.decode(String(value)), keepSlash: false)
            ))
        }
        pairs.sort { lhs, rhs in
            lhs.key != rhs.key ? lhs.key.utf8.lexicographicallyPrecedes(rhs.key.utf8)
                : lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
        }
        return pairs.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    /// Lowercases names, trims values and collapses inner whitespace runs to one space (values
    /// folded over several lines included), joins repeated headers with `,` in their order.
    /// The general form, for names that are not plain ASCII tokens; `CanonicalRequestWriter`
    /// writes the same lines straight into bytes for the usual ones.
    static func canonicalHeaders(_ headers: [(name: String, value: String)], only names: Set<String>?) -> (lines: String, names: String) {
        var grouped: [String: [String]] = [:]
        var order: [String] = []
        for header in headers {
            let name = header.name.lowercased().trimmingSpaces()
            if let names {
                guard names.contains(name) else { continue }
            } else if unsignableHeaders.contains(name) {
                continue
            }
            if grouped[name] == nil { order.append(name) }
            grouped[name, default: []].append(collapseWhitespace(header.value))
        }
        let sorted = order.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let lines = sorted.map { "\($0):\(grouped[$0, default: []].joined(separator: ","))\n" }.joined()
        return (lines, sorted.joined(separator: ";"))
    }

    static func collapseWhitespace(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .joined(separator: " ")
    }
}

extension String {
    /// Drops leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}
