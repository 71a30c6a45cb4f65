import HTTPTypes
import Hummingbird

/// An STS error, answered as the awsQuery `ErrorResponse` XML document.
struct STSError: Error, Sendable {
    var code: String
    var status: HTTPResponse.Status
    var message: String

    static func validation(_ message: String) -> STSError {
        STSError(code: "ValidationError", status: .badRequest, message: message)
    }

    static func accessDenied(_ message: String) -> STSError {
        STSError(code: "AccessDenied", status: .forbidden, message: message)
    }

    func response(requestID: String) -> Response {
        let type = status.code >= 500 ? "Receiver" : "Sender"
        let document = """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error>
                <Type>\(type)</Type>
                <Code>\(XMLText.escape(code))</Code>
                <Message>\(XMLText.escape(message))</Message>
              </Error>
              <RequestId>\(requestID)</RequestId>
            </ErrorResponse>

            """
        return Responses.xml(status, document, requestID: requestID)
    }
}

enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
