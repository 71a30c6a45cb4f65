import Foundation

/// restJson1 plumbing: JSON bodies with `Content-Type: application/json`, URI labels
/// percent-encoded as botocore does, responses decoded with a typed error on failure.
public enum RestJSON {
    public static let contentType = "application/json"

    /// Encodes a request body. Keys are sorted so bodies are reproducible byte for byte.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    public static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8]) throws(ResponseDecodingError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(body.isEmpty ? Array("{}".utf8) : body))
        } catch let DecodingError.keyNotFound(key, _) {
            throw .missingField(key.stringValue)
        } catch {
            throw .malformedJSON(String(describing: type))
        }
    }

    /// A URI label (`{applicationId}`, `{modelId}`): everything but the unreserved set is
    /// escaped, `/` and `:` included, so an ARN stays one path segment.
    public static func label(_ value: String) -> String {
        URIEncoding.encode(value)
    }

    public static func operation(method: String = "POST", path: String, query: String = "", body: [UInt8],
                                 extraHeaders: [(name: String, value: String)] = []) -> OperationRequest {
        OperationRequest(method: method, path: path, query: query, headers: [("Content-Type", contentType)] + extraHeaders, body: body)
    }
}
