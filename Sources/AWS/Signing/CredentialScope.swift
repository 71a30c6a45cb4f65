/// `date/region/service/aws4_request`: what a signature is valid for.
public struct CredentialScope: Sendable, Equatable {
    public let date: String
    public let region: String
    public let service: String

    public var text: String { "\(date)/\(region)/\(service)/aws4_request" }

    var textByteCount: Int { date.utf8.count + region.utf8.count + service.utf8.count + 15 }

    /// Writes `text` without building it first (it goes into every string to sign).
    func write(to writer: inout UTF8Writer) {
        writer.append(date)
        writer.append(UInt8(ascii: "/"))
        writer.append(region)
        writer.append(UInt8(ascii: "/"))
        writer.append(service)
        writer.append("/aws4_request")
    }
}
