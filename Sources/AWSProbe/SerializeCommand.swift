import AWS
import Foundation

/// `{"command":"serialize","operation":NAME,"params":{…botocore-style parameters…}}` →
/// `{method, path, query, content_type, body}` as the AWS module would put them on the wire.
enum SerializeCommand {
    static func run(_ command: [String: Any]) throws -> Any {
        guard let params = command["params"] as? [String: Any] else { throw ProbeError.badInput("missing params") }
        let operation: OperationRequest
        switch try command.string("operation") {
        case "AssumeRole":
            let request = try assumeRole(params)
            try request.validate()
            operation = STS.operation(request.form)
        case "CreateTokenWithIAM":
            let request = try createToken(params)
            try request.validate()
            operation = try SSOOIDC.operation(request)
        case "SearchRelevantContent":
            let request = try search(params)
            try request.validate()
            operation = try QBusiness.operation(request)
        case "ConverseStream":
            let request = try converse(params)
            try request.validate()
            operation = try BedrockRuntime.operation(request)
        case let other:
            throw ProbeError.badInput("unknown operation \(other)")
        }
        return [
            "method": operation.method, "path": operation.path, "query": operation.query,
            "content_type": operation.header("Content-Type") ?? "", "body": String(decoding: operation.body, as: UTF8.self),
        ]
    }

    static func assumeRole(_ params: [String: Any]) throws -> AssumeRoleRequest {
        AssumeRoleRequest(
            roleARN: try params.string("RoleArn"), sessionName: try params.string("RoleSessionName"),
            policy: params["Policy"] as? String, durationSeconds: params["DurationSeconds"] as? Int,
            tags: (params["Tags"] as? [[String: String]] ?? []).map { SessionTag(key: $0["Key"] ?? "", value: $0["Value"] ?? "") },
            externalID: params["ExternalId"] as? String, sourceIdentity: params["SourceIdentity"] as? String,
            providedContexts: (params["ProvidedContexts"] as? [[String: String]] ?? []).map {
                ProvidedContext(providerARN: $0["ProviderArn"] ?? "", contextAssertion: $0["ContextAssertion"] ?? "")
            })
    }

    static func createToken(_ params: [String: Any]) throws -> CreateTokenWithIAMRequest {
        let grant: IAMTokenGrant
        switch try params.string("grantType") {
        case "urn:ietf:params:oauth:grant-type:jwt-bearer":
            grant = .jwtBearer(assertion: try params.string("assertion"))
        case "authorization_code":
            grant = .authorizationCode(code: try params.string("code"), redirectURI: try params.string("redirectUri"),
                                       codeVerifier: params["codeVerifier"] as? String)
        case let other:
            throw ProbeError.badInput("unsupported grant \(other)")
        }
        return CreateTokenWithIAMRequest(clientID: try params.string("clientId"), grant: grant, scopes: params["scope"] as? [String])
    }

    static func search(_ params: [String: Any]) throws -> SearchRelevantContentRequest {
        let source = ((params["contentSource"] as? [String: Any])?["retriever"] as? [String: Any]) ?? [:]
        return SearchRelevantContentRequest(
            applicationID: try params.string("applicationId"), queryText: try params.string("queryText"),
            retrieverID: try source.string("retrieverId"),
            attributeFilter: try (params["attributeFilter"] as? [String: Any]).map(filter),
            maxResults: params["maxResults"] as? Int, nextToken: params["nextToken"] as? String)
    }

    static func filter(_ object: [String: Any]) throws -> AttributeFilter {
        guard object.count == 1, let (key, value) = object.first else { throw ProbeError.badInput("a filter has exactly one member") }
        switch key {
        case "andAllFilters": return .andAll(try (value as? [[String: Any]] ?? []).map(filter))
        case "orAllFilters": return .orAll(try (value as? [[String: Any]] ?? []).map(filter))
        case "notFilter": return .not(try filter(value as? [String: Any] ?? [:]))
        default:
            let attribute = try self.attribute(value as? [String: Any] ?? [:])
            switch key {
            case "equalsTo": return .equalsTo(attribute)
            case "containsAll": return .containsAll(attribute)
            case "containsAny": return .containsAny(attribute)
            case "greaterThan": return .greaterThan(attribute)
            case "greaterThanOrEquals": return .greaterThanOrEquals(attribute)
            case "lessThan": return .lessThan(attribute)
            case "lessThanOrEquals": return .lessThanOrEquals(attribute)
            default: throw ProbeError.badInput("unknown filter \(key)")
            }
        }
    }

    static func attribute(_ object: [String: Any]) throws -> DocumentAttribute {
        let value = object["value"] as? [String: Any] ?? [:]
        let typed: DocumentAttributeValue
        if let text = value["stringValue"] as? String {
            typed = .string(text)
        } else if let list = value["stringListValue"] as? [String] {
            typed = .stringList(list)
        } else if let number = value["longValue"] as? Int64 {
            typed = .long(number)
        } else if let seconds = value["dateValue"] as? Double {
            typed = .date(Date(timeIntervalSince1970: seconds))
        } else {
            throw ProbeError.badInput("attribute value has no known member")
        }
        return DocumentAttribute(name: try object.string("name"), value: typed)
    }

    static func converse(_ params: [String: Any]) throws -> ConverseStreamRequest {
        let messages = try (params["messages"] as? [[String: Any]] ?? []).map { message -> ConversationMessage in
            guard let role = ConversationMessage.Role(rawValue: try message.string("role")),
                  let text = (message["content"] as? [[String: String]])?.first?["text"] else {
                throw ProbeError.badInput("message needs role and text content")
            }
            return ConversationMessage(role: role, text: text)
        }
        let config = (params["inferenceConfig"] as? [String: Any]).map {
            InferenceConfiguration(maxTokens: $0["maxTokens"] as? Int, temperature: $0["temperature"] as? Double,
                                   topP: $0["topP"] as? Double, stopSequences: $0["stopSequences"] as? [String])
        }
        return ConverseStreamRequest(modelID: try params.string("modelId"), messages: messages,
                                     system: (params["system"] as? [[String: String]] ?? []).compactMap { $0["text"] },
                                     inferenceConfig: config)
    }
}
