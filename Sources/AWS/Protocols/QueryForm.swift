import Foundation

/// An awsQuery request body: `Action`, `Version`, then the members in shape order.
///
/// Order matters for byte equality with botocore (and so for reproducible signatures in
/// tests), so the form is an ordered list, never a dictionary. Lists are flattened the way
/// botocore's `QuerySerializer` does: `Tags.member.1.Key`, `Tags.member.1.Value`, ….
public struct QueryForm: Sendable, Equatable {
    public private(set) var pairs: [(key: String, value: String)]

    public init(action: String, version: String) {
        pairs = [("Action", action), ("Version", version)]
    }

    public mutating func add(_ key: String, _ value: String?) {
        guard let value else { return }
        pairs.append((key, value))
    }

    public mutating func add(_ key: String, _ value: Int?) {
        guard let value else { return }
        pairs.append((key, String(value)))
    }

    /// Adds `prefix.member.N.<field>` entries for each element, numbered from 1.
    public mutating func addList<Element>(_ prefix: String, _ elements: [Element]?, fields: (Element) -> [(String, String?)]) {
        guard let elements, !elements.isEmpty else { return }
        for (index, element) in elements.enumerated() {
            for (field, value) in fields(element) {
                add("\(prefix).member.\(index + 1).\(field)", value)
            }
        }
    }

    /// `application/x-www-form-urlencoded` bytes exactly as botocore writes them
    /// (`urllib.parse.urlencode`, i.e. `quote_plus` with nothing safe): unreserved bytes stay,
    /// a space becomes `+`, everything else (`+` itself included) becomes `%XX`.
    public var encoded: String {
        pairs.map { Self.formEncode($0.key) + "=" + Self.formEncode($0.value) }.joined(separator: "&")
    }

    static func formEncode(_ text: String) -> String {
        URIEncoding.encode(text).replacingOccurrences(of: "%20", with: "+")
    }

    public static func == (lhs: QueryForm, rhs: QueryForm) -> Bool {
        lhs.encoded == rhs.encoded
    }

    public static let contentType = "application/x-www-form-urlencoded; charset=utf-8"
}
