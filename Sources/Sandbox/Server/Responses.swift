import Foundation
import enum HTTP.JSONValue
import HTTPTypes
import Hummingbird
import NIOCore

/// Builders for the response shapes the sandbox speaks.
enum Responses {
    static func bytes(_ status: HTTPResponse.Status, contentType: String, _ body: [UInt8],
                      headers extra: [(HTTPField.Name, String)] = []) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        for (name, value) in extra { headers[name] = value }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func json(_ status: HTTPResponse.Status, _ value: JSONValue,
                     headers extra: [(HTTPField.Name, String)] = []) -> Response {
        bytes(status, contentType: "application/json", value.serialized(), headers: extra)
    }

    /// An OAuth 2.0 token-endpoint style response: JSON, never cached (RFC 6749 §5.1).
    static func oauth(_ status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        json(status, value, headers: [(.cacheControl, "no-store"), (HTTPField.Name("Pragma")!, "no-cache")])
    }

    static func oauthError(_ error: OAuthError) -> Response {
        oauth(error.status, ["error": .string(error.code), "error_description": .string(error.description)])
    }

    static func html(_ status: HTTPResponse.Status = .ok, _ page: String) -> Response {
        bytes(status, contentType: "text/html; charset=utf-8", Array(page.utf8),
              headers: [(.cacheControl, "no-store"), (HTTPField.Name("X-Frame-Options")!, "DENY")])
    }

    static func redirect(to location: String) -> Response {
        Response(status: .found, headers: [.location: location, .cacheControl: "no-store"])
    }

    static func xml(_ status: HTTPResponse.Status, _ document: String, requestID: String) -> Response {
        bytes(status, contentType: "text/xml", Array(document.utf8), headers: [(.amznRequestID, requestID)])
    }

    /// A restJson1 error: the type in `x-amzn-ErrorType` and `__type`, plus the shape's members.
    static func awsJSONError(_ error: AWSJSONError, requestID: String) -> Response {
        var body = error.members
        body["__type"] = .string(error.type)
        if body["message"] == nil, body["error_description"] == nil { body["message"] = .string(error.message) }
        return json(error.status, .object(body),
                    headers: [(.amznErrorType, error.type), (.amznRequestID, requestID)])
    }

    static func requestID() -> String { UUID().uuidString.lowercased() }
}

extension HTTPField.Name {
    static let amznErrorType = HTTPField.Name("x-amzn-ErrorType")!
    static let amznRequestID = HTTPField.Name("x-amzn-RequestId")!
}

/// An error of a restJson1 service (Q Business, SSO-OIDC, Bedrock Runtime).
struct AWSJSONError: Error, Sendable {
    var status: HTTPResponse.Status
    var type: String
    var message: String
    /// The error shape's own members (`reason`, `fields`, `resourceId`, `error`, …).
    var members: [String: JSONValue] = [:]

    static func accessDenied(_ message: String) -> AWSJSONError {
        AWSJSONError(status: .forbidden, type: "AccessDeniedException", message: message)
    }

    static func validation(_ message: String, reason: String = "FIELD_VALIDATION_FAILED",
                           fields: [FieldProblem] = []) -> AWSJSONError {
        var members: [String: JSONValue] = ["message": .string(message), "reason": .string(reason)]
        if !fields.isEmpty {
            members["fields"] = .array(fields.map { ["name": .string($0.name), "message": .string($0.message)] })
        }
        return AWSJSONError(status: .badRequest, type: "ValidationException", message: message, members: members)
    }

    static func notFound(_ message: String, resourceID: String, resourceType: String) -> AWSJSONError {
        AWSJSONError(status: .notFound, type: "ResourceNotFoundException", message: message,
                     members: ["message": .string(message), "resourceId": .string(resourceID),
                               "resourceType": .string(resourceType)])
    }

    /// SSO-OIDC errors carry the OAuth code in `error` and the text in `error_description`.
    static func ssoOIDC(_ status: HTTPResponse.Status, type: String, code: String, _ description: String,
                        extra: [String: JSONValue] = [:]) -> AWSJSONError {
        var members = extra
        members["error"] = .string(code)
        members["error_description"] = .string(description)
        return AWSJSONError(status: status, type: type, message: description, members: members)
    }
}

/// An RFC 6749 §5.2 error from the sandbox IdP.
struct OAuthError: Error, Sendable, CustomStringConvertible {
    var code: String
    var description: String
    var status: HTTPResponse.Status = .badRequest

    static func invalidRequest(_ text: String) -> OAuthError { OAuthError(code: "invalid_request", description: text) }
    static func invalidGrant(_ text: String) -> OAuthError { OAuthError(code: "invalid_grant", description: text) }
    static func invalidClient(_ text: String) -> OAuthError {
        OAuthError(code: "invalid_client", description: text, status: .unauthorized)
    }
}
