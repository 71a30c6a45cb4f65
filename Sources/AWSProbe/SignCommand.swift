import AWS
import Foundation

/// `{"command":"sign","cases":[{method, path, query, headers:[[name,value]], body_b64, access_key,
/// secret_key, token?, region, service, timestamp}]}` → one `{canonical_request, string_to_sign,
/// signature, authorization}` per case, signed at the fixed `timestamp` (epoch seconds).
enum SignCommand {
    static func run(_ command: [String: Any]) throws -> Any {
        guard let cases = command["cases"] as? [[String: Any]] else { throw ProbeError.badInput("missing cases") }
        let keys = SigningKeyCache()
        return try cases.map { item -> [String: Any] in
            guard let rawHeaders = item["headers"] as? [[String]], let timestamp = item["timestamp"] as? Double else {
                throw ProbeError.badInput("case needs headers and timestamp")
            }
            let body = Data(base64Encoded: try item.string("body_b64")).map { [UInt8]($0) } ?? []
            let request = SignableRequest(method: try item.string("method"), path: try item.string("path"),
                                          query: item["query"] as? String ?? "",
                                          headers: rawHeaders.map { ($0[0], $0[1]) }, body: body)
            let credentials = Credentials(accessKeyID: try item.string("access_key"), secretAccessKey: try item.string("secret_key"),
                                          sessionToken: item["token"] as? String)
            let signer = SigV4Signer(region: try item.string("region"), service: try item.string("service"), keyCache: keys)
            let result = signer.sign(request, credentials: credentials, at: Date(timeIntervalSince1970: timestamp))
            return [
                "canonical_request": result.canonicalRequest.text,
                "string_to_sign": result.stringToSign,
                "signature": result.signature,
                "authorization": result.request.values(of: "Authorization").first ?? "",
            ]
        }
    }
}
