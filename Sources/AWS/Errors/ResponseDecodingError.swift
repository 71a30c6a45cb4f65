/// A response that arrived but could not be read: the server (or something in between) sent
/// a body that is not what the protocol promises.
public enum ResponseDecodingError: Error, Sendable, Equatable {
    case malformedXML(String)
    case malformedJSON(String)
    case missingField(String)

    public var userMessage: String {
        switch self {
        case .malformedXML(let detail):
            return "The service answered with XML that could not be read (\(detail)); a proxy or a wrong endpoint may be in the way."
        case .malformedJSON(let detail):
            return "The service answered with JSON that could not be read (\(detail)); a proxy or a wrong endpoint may be in the way."
        case .missingField(let field):
            return "The service's answer lacks the field \(field); check that the endpoint is really the AWS service it should be."
        }
    }
}
