import Foundation
import Testing
@testable import AWS

/// The official SigV4 vectors (awslabs/aws-c-auth `tests/aws-signing-test-suite/v4`).
///
/// Every case folder is run for header signing. Excluded: the `query-*.txt` files of each case,
/// which describe presigned-URL (query-string) signing; qseek never presigns. No header-signing
/// case is excluded, so `excludedCases` is empty and the count test checks all of them ran.
struct SigV4SuiteTests {
    static let excludedCases: [String: String] = [:]

    static var caseNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: SharedTestData.sigV4Suite.path)) ?? []
        return names.filter { name in
            FileManager.default.fileExists(atPath: SharedTestData.sigV4Suite.appendingPathComponent("\(name)/context.json").path)
        }.sorted()
    }

    @Test func theWholeSuiteIsPresentAndNothingIsSkipped() {
        let names = Self.caseNames
        #expect(names.count == 38, "found \(names.count) cases in \(SharedTestData.sigV4Suite.path)")
        #expect(Self.excludedCases.isEmpty)
    }

    @Test(arguments: caseNames)
    func headerSigningReproducesTheCanonicalRequestStringToSignAndSignature(caseName: String) throws {
        let folder = SharedTestData.sigV4Suite.appendingPathComponent(caseName)
        let context = try SuiteContext(json: Data(contentsOf: folder.appendingPathComponent("context.json")))
        let request = try RawHTTPRequest(text: String(decoding: Data(contentsOf: folder.appendingPathComponent("request.txt")), as: UTF8.self))
        func expected(_ file: String) throws -> String {
            String(decoding: try Data(contentsOf: folder.appendingPathComponent(file)), as: UTF8.self)
        }

        let signer = SigV4Signer(
            region: context.region, service: context.service,
            options: .init(normalizePath: context.normalize, addContentSHA256Header: context.signBody,
                           signSecurityToken: !context.omitSessionToken))
        let result = signer.sign(request.signable, credentials: context.credentials, at: context.timestamp)

        #expect(result.canonicalRequest.text == (try expected("header-canonical-request.txt")))
        #expect(result.stringToSign == (try expected("header-string-to-sign.txt")))
        #expect(result.signature == (try expected("header-signature.txt")).trimmingCharacters(in: .whitespacesAndNewlines))
        let signedLines = try expected("header-signed-request.txt").split(separator: "\n").map(String.init)
        let expectedAuthorization = signedLines.first { $0.hasPrefix("Authorization:") }.map { String($0.dropFirst("Authorization:".count)) }
        #expect(result.request.values(of: "Authorization") == [expectedAuthorization ?? "missing in suite"])
    }

    @Test(arguments: caseNames)
    func theVerifierAcceptsEverySuiteSignedRequestAndRefusesAnotherSecret(caseName: String) throws {
        let folder = SharedTestData.sigV4Suite.appendingPathComponent(caseName)
        let context = try SuiteContext(json: Data(contentsOf: folder.appendingPathComponent("context.json")))
        let signed = try RawHTTPRequest(text: String(decoding: Data(contentsOf: folder.appendingPathComponent("header-signed-request.txt")), as: UTF8.self))
        let verifier = SigV4Verifier()
        let authorization = try verifier.verify(signed.signable, normalizePath: context.normalize) { key in
            key == context.credentials.accessKeyID ? context.credentials.secretAccessKey : nil
        }
        #expect(authorization.scope.service == context.service)
        #expect(throws: SigV4Verifier.Failure.signatureDoesNotMatch) {
            try verifier.verify(signed.signable, normalizePath: context.normalize) { _ in "not-the-secret" }
        }
    }
}

struct SuiteContext {
    let credentials: Credentials
    let region: String
    let service: String
    let timestamp: Date
    let normalize: Bool
    let signBody: Bool
    let omitSessionToken: Bool

    init(json: Data) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let creds = try #require(object["credentials"] as? [String: Any])
        let accessKeyID = try #require(creds["access_key_id"] as? String)
        let secret = try #require(creds["secret_access_key"] as? String)
        credentials = Credentials(accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: creds["token"] as? String)
        region = try #require(object["region"] as? String)
        service = try #require(object["service"] as? String)
        let timestampText = try #require(object["timestamp"] as? String)
        timestamp = try #require(ISO8601DateFormatter().date(from: timestampText))
        normalize = object["normalize"] as? Bool ?? true
        signBody = object["sign_body"] as? Bool ?? false
        omitSessionToken = object["omit_session_token"] as? Bool ?? false
    }
}

/// Parses the suite's `request.txt`: request line, headers (continuation lines folded into the
/// previous value), a blank line, the body.
struct RawHTTPRequest {
    let signable: SignableRequest

    init(text: String) throws {
        var lines = text.components(separatedBy: "\n")
        let requestLine = lines.removeFirst()
        let methodEnd = try #require(requestLine.firstIndex(of: " "))
        let versionStart = try #require(requestLine.range(of: " HTTP/", options: .backwards))
        let method = String(requestLine[..<methodEnd])
        let target = String(requestLine[requestLine.index(after: methodEnd)..<versionStart.lowerBound])
        var headers: [(name: String, value: String)] = []
        var bodyLines: [String] = []
        var inBody = false
        for line in lines {
            if inBody { bodyLines.append(line); continue }
            if line.isEmpty { inBody = true; continue }
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line
                continue
            }
            let colon = try #require(line.firstIndex(of: ":"))
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        let path: String, query: String
        if let question = target.firstIndex(of: "?") {
            path = String(target[..<question])
            query = String(target[target.index(after: question)...])
        } else {
            path = target
            query = ""
        }
        signable = SignableRequest(method: method, path: path, query: query, headers: headers,
                                   body: Array(bodyLines.joined(separator: "\n").utf8))
    }
}
