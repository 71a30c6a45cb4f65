import Foundation

/// Turns an unsuccessful HTTP response into an `AWSError`, whatever protocol produced it.
public enum AWSErrorParser {
    /// `body` may be XML (awsQuery), JSON (restJson1) or anything else (a proxy's HTML page):
    /// unknown bodies still yield an error named after the status.
    public static func parse(service: String, statusCode: Int, headers: [(name: String, value: String)], body: [UInt8]) -> AWSError {
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name }?.value
        }
        let requestID = header("x-amzn-requestid") ?? header("x-amz-request-id")
        let trimmed = body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        var error: AWSError
        if trimmed.first == UInt8(ascii: "<"), let xml = try? XMLTree.parse(Array(trimmed)) {
            error = fromXML(xml, service: service, statusCode: statusCode)
        } else if trimmed.first == UInt8(ascii: "{"),
                  let object = JSONValue.parse(trimmed)?.objectValue {
            error = fromJSON(object, typeHeader: header("x-amzn-errortype"), service: service, statusCode: statusCode)
        } else {
            let typed = header("x-amzn-errortype").map(stripType) ?? ""
            error = AWSError(service: service, code: typed.isEmpty ? fallbackCode(statusCode) : typed, statusCode: statusCode)
        }
        if error.requestID == nil { error.requestID = requestID }
        return error
    }

    /// Both awsQuery layouts: `<ErrorResponse><Error>…</Error><RequestId>` and
    /// `<Response><Errors><Error>…</Error></Errors><RequestID>`.
    static func fromXML(_ root: XMLTree, service: String, statusCode: Int) -> AWSError {
        let errorNode = root.child("Error") ?? root.child("Errors")?.child("Error")
        let rawCode = errorNode?.child("Code")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let code = rawCode.isEmpty ? fallbackCode(statusCode) : rawCode
        let requestID = root.child("RequestId")?.text ?? root.child("RequestID")?.text
        return AWSError(service: service, code: code, message: errorNode?.child("Message")?.text,
                        statusCode: statusCode, requestID: requestID)
    }

    static func fromJSON(_ object: [String: JSONValue], typeHeader: String?, service: String, statusCode: Int?) -> AWSError {
        func text(_ key: String) -> String? { object[key]?.stringValue }
        let rawType = typeHeader ?? text("__type") ?? text("code") ?? text("error")
        let code = rawType.map(stripType).flatMap { $0.isEmpty ? nil : $0 } ?? statusCode.map(fallbackCode) ?? "UnknownError"
        let message = text("message") ?? text("Message") ?? text("error_description")
        let fields = (object["fields"]?.arrayValue ?? []).compactMap { field -> AWSError.Field? in
            guard let name = field["name"]?.stringValue else { return nil }
            return AWSError.Field(name: name, message: field["message"]?.stringValue ?? "")
        }
        var error = AWSError(service: service, code: code, message: message, statusCode: statusCode,
                             reason: text("reason"), fields: fields, resourceID: text("resourceId"),
                             endpoint: text("endpoint"), region: text("region"))
        error.resourceType = text("resourceType")
        error.originalStatusCode = object["originalStatusCode"]?.intValue
        error.originalMessage = text("originalMessage")
        return error
    }

    /// `ValidationException:http://internal.amazon.com/…` → `ValidationException`;
    /// `com.amazon.coral.validate#ValidationException` → `ValidationException`.
    static func stripType(_ raw: String) -> String {
        var type = Substring(raw)
        if let colon = type.firstIndex(of: ":") { type = type[..<colon] }
        if let hash = type.lastIndex(of: "#") { type = type[type.index(after: hash)...] }
        return type.trimmingCharacters(in: .whitespaces)
    }

    static func fallbackCode(_ statusCode: Int) -> String {
        statusCode == 429 ? "TooManyRequestsException" : "HTTP\(statusCode)"
    }
}
