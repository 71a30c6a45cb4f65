import AWS
import Foundation

/// `{"command":"sts","endpoint":URL,"region":R,"access_key":…,"secret_key":…,"action":"AssumeRole"|"GetCallerIdentity","params":{…}}`
/// → `{"ok":true,…}` or `{"ok":false,"error":{code,status,message,user_message}}`, through the real
/// transport, signer and retry loop.
enum STSCommand {
    static func run(_ command: [String: Any]) async -> Any {
        let transport = AsyncHTTPTransport(configuration: .init(connectTimeout: .seconds(5), readTimeout: .seconds(20)))
        let result = await perform(command, transport: transport)
        try? await transport.shutdown()
        return result
    }

    static func perform(_ command: [String: Any], transport: AsyncHTTPTransport) async -> [String: Any] {
        do {
            let credentials = Credentials(accessKeyID: try command.string("access_key"), secretAccessKey: try command.string("secret_key"),
                                          sessionToken: command["token"] as? String)
            let region = try command.string("region")
            let endpoint = try EndpointResolver(environment: [:], overrides: [.sts: try command.string("endpoint")])
                .endpoint(for: .sts, region: region)
            let client = AWSServiceClient(service: .sts, region: region, endpoint: endpoint,
                                          credentials: StaticCredentialsProvider(credentials), transport: transport,
                                          retry: RetryStrategy(maxAttempts: 2, baseDelay: .milliseconds(50)))
            let sts = STS(client: client)
            switch try command.string("action") {
            case "GetCallerIdentity":
                let identity = try await sts.getCallerIdentity()
                return ["ok": true, "account": identity.account, "arn": identity.arn, "user_id": identity.userID]
            case "AssumeRole":
                let request = try SerializeCommand.assumeRole(command["params"] as? [String: Any] ?? [:])
                let role = try await sts.assumeRole(request)
                return ["ok": true, "access_key": role.credentials.accessKeyID,
                        "has_secret": !role.credentials.secretAccessKey.isEmpty,
                        "has_token": role.credentials.sessionToken != nil,
                        "expiration": role.credentials.expiration?.timeIntervalSince1970 ?? 0,
                        "assumed_role_arn": role.assumedRoleARN ?? ""]
            case let other:
                throw ProbeError.badInput("unknown action \(other)")
            }
        } catch let error as AWSError {
            return ["ok": false, "error": ["code": error.code, "status": error.statusCode ?? 0, "message": error.message ?? "",
                                           "user_message": error.userMessage, "type": "AWSError"]]
        } catch {
            return ["ok": false, "error": ["code": String(describing: type(of: error)), "status": 0, "message": "\(error)",
                                           "user_message": "", "type": "other"]]
        }
    }
}
