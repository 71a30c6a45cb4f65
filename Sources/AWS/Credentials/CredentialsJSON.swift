import Foundation

/// The JSON that container and instance metadata endpoints return:
/// `{"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}`.
enum CredentialsJSON {
    static func parse(_ body: [UInt8], source: String) throws(CredentialsError) -> Credentials {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw .endpointResponseInvalid(source: source, detail: "not a JSON object")
        }
        if let code = object["Code"] as? String, code != "Success" {
            throw .endpointResponseInvalid(source: source, detail: "Code \(code)")
        }
        guard let key = object["AccessKeyId"] as? String, let secret = object["SecretAccessKey"] as? String else {
            throw .endpointResponseInvalid(source: source, detail: "AccessKeyId or SecretAccessKey missing")
        }
        let expiration = (object["Expiration"] as? String).flatMap(ISO8601Parsing.date)
        return Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: object["Token"] as? String, expiration: expiration)
    }
}
