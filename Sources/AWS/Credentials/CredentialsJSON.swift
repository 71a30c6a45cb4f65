import Foundation

/// The JSON that container and instance metadata endpoints return:
/// `{"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}`.
enum CredentialsJSON {
    static func parse(_ body: [UInt8], source: String) throws(CredentialsError) -> Credentials {
        guard let object = JSONValue.parse(body)?.objectValue else {
            throw .endpointResponseInvalid(source: source, detail: "not a JSON object")
        }
        if let code = object["Code"]?.stringValue, code != "Success" {
            throw .endpointResponseInvalid(source: source, detail: "Code \(code)")
        }
        guard let key = object["AccessKeyId"]?.stringValue, let secret = object["SecretAccessKey"]?.stringValue else {
            throw .endpointResponseInvalid(source: source, detail: "AccessKeyId or SecretAccessKey missing")
        }
        let expiration = object["Expiration"]?.stringValue.flatMap(ISO8601Parsing.date)
        return Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: object["Token"]?.stringValue, expiration: expiration)
    }
}
