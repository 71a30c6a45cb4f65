import AWS
import Foundation

/// `{"command":"verify","cases":[{method, path, query, headers:[[n,v]], body_b64, secret_key}]}` →
/// one `{"ok": Bool, "failure": String?}` per case: whether SigV4Verifier accepts a request
/// someone else signed (botocore, in the interop proof) with that secret.
enum VerifyCommand {
    static func run(_ command: [String: Any]) throws -> Any {
        guard let cases = command["cases"] as? [[String: Any]] else { throw ProbeError.badInput("missing cases") }
        let verifier = SigV4Verifier()
        return try cases.map { item -> [String: Any] in
            guard let rawHeaders = item["headers"] as? [[String]] else { throw ProbeError.badInput("case needs headers") }
            let body = Data(base64Encoded: try item.string("body_b64")).map { [UInt8]($0) } ?? []
            let request = SignableRequest(method: try item.string("method"), path: try item.string("path"),
                                          query: item["query"] as? String ?? "", headers: rawHeaders.map { ($0[0], $0[1]) }, body: body)
            let secret = try item.string("secret_key")
            do {
                _ = try verifier.verify(request) { _ in secret }
                return ["ok": true, "failure": NSNull()]
            } catch {
                return ["ok": false, "failure": "\(error)"]
            }
        }
    }
}
