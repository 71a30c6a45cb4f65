import Foundation

/// The checks `qseek config check` and `qseek doctor` run on top of parsing: the shapes AWS
/// and OpenID Connect require of each value (TTI-FLOW.md), so a typo in an ARN or an id is
/// reported at its line instead of as an AWS error three calls later.
///
/// Parsing stays lenient about these shapes on purpose: a half-filled config (placeholders
/// such as `"..."`) must still load so `qseek config check` can list every problem at once.
extension ConfigParser {
    /// Parses the text, then returns every problem the checks find (empty when the config is
    /// ready to use). Parse errors are thrown, as ``parse()`` does.
    public func check() throws -> (config: QseekConfig, problems: [ConfigError]) {
        let config = try parse()
        return (config, problems(in: config))
    }

    /// Every shape problem in `config`, located in this parser's text.
    public func problems(in config: QseekConfig) -> [ConfigError] {
        var found: [ConfigError] = []
        func report(_ table: String, _ key: String, index: Int = 0, _ message: String) {
            found.append(error(table: table, index: index, key: key, message))
        }

        let identity = config.identity
        if identity.issuer.isEmpty {
            report("identity", "issuer", "is required: the ISV's OpenID Connect issuer URL, e.g. https://cognito-idp.{region}.amazonaws.com/{userPoolId}")
        } else if let problem = ConfigShapes.issuerProblem(identity.issuer) {
            report("identity", "issuer", problem)
        }
        if identity.clientID.isEmpty {
            report("identity", "client_id", "is required: the client id of qseek's app registration at the IdP")
        }
        if !identity.scopes.contains("openid") {
            report("identity", "scopes", "must include \"openid\" (without it the IdP returns no ID token)")
        }

        let aws = config.aws
        if let problem = ConfigShapes.regionProblem(aws.region) { report("aws", "region", problem) }
        if aws.dataAccessorRoleARN.isEmpty {
            report("aws", "data_accessor_role_arn", "is required: the IAM role your customers' data accessors trust, arn:aws:iam::<12-digit account>:role/<name>")
        } else if let problem = ConfigShapes.roleARNProblem(aws.dataAccessorRoleARN) {
            report("aws", "data_accessor_role_arn", problem)
        }
        if aws.accessKeyID.isEmpty != aws.secretAccessKey.isEmpty {
            report("aws", aws.accessKeyID.isEmpty ? "access_key_id" : "secret_access_key",
                   "access_key_id and secret_access_key go together (or leave both empty to use the AWS credential chain)")
        } else if let problem = config.staticAccessKeyProblem {
            report("aws", "access_key_id", problem)
        }

        let endpoints = [("sts", config.endpoints.sts), ("sso_oidc", config.endpoints.ssoOIDC),
                         ("qbusiness", config.endpoints.qbusiness), ("bedrock_runtime", config.endpoints.bedrockRuntime)]
        for (key, value) in endpoints where !value.isEmpty {
            if let problem = ConfigShapes.urlProblem(value) { report("endpoints", key, problem) }
        }

        if config.tenants.isEmpty {
            found.append(ConfigError(file: file, line: nil, key: "tenants",
                                     message: "no [[tenants]] entry: add one per customer with the values they gave you (see `qseek config init`)"))
        }
        for (index, tenant) in config.tenants.enumerated() {
            if !ConfigShapes.isTenantID(tenant.id) {
                report("tenants", "id", index: index, "\"\(tenant.id)\" is not a data-accessor external id ([a-zA-Z0-9][a-zA-Z0-9_-]*, at most 1000 characters)")
            }
            for (key, value) in [("application_id", tenant.applicationID), ("retriever_id", tenant.retrieverID)] {
                if value.isEmpty {
                    report("tenants", key, index: index, "is required: the tenant gives it to you (36 characters)")
                } else if let problem = ConfigShapes.resourceIDProblem(value) {
                    report("tenants", key, index: index, problem)
                }
            }
            for (key, value) in [("region", tenant.region), ("idc_region", tenant.idcRegion)] {
                if let problem = ConfigShapes.regionProblem(value) { report("tenants", key, index: index, problem) }
            }
            if tenant.idcApplicationARN.isEmpty {
                report("tenants", "idc_application_arn", index: index, "is required: the data accessor's IAM Identity Center application ARN, from the tenant")
            } else if let problem = ConfigShapes.idcApplicationARNProblem(tenant.idcApplicationARN) {
                report("tenants", "idc_application_arn", index: index, problem)
            }
            switch tenant.auth {
            case .tti:
                if !tenant.redirectURI.isEmpty {
                    report("tenants", "redirect_uri", index: index, "is only used with auth = \"idc-auth-code\" (this tenant uses \"tti\")")
                }
            case .idcAuthCode:
                if tenant.redirectURI.isEmpty {
                    report("tenants", "redirect_uri", index: index, "is required with auth = \"idc-auth-code\": the redirect URI registered for the data accessor, e.g. http://127.0.0.1:47311/callback")
                } else if let problem = ConfigShapes.loopbackRedirectProblem(tenant.redirectURI) {
                    report("tenants", "redirect_uri", index: index, problem)
                }
            }
        }

        let model = config.model
        switch model.provider {
        case .none:
            break
        case .bedrock:
            if model.modelID.isEmpty { report("model", "model_id", "is required with provider = \"bedrock\" (a Bedrock model or inference profile id)") }
            if !model.region.isEmpty, let problem = ConfigShapes.regionProblem(model.region) {
                report("model", "region", problem)
            }
            if !model.guardrailID.isEmpty, model.guardrailVersion.isEmpty {
                report("model", "guardrail_version", "is required with guardrail_id (a version number or \"DRAFT\")")
            }
            if model.guardrailID.isEmpty, !model.guardrailVersion.isEmpty {
                report("model", "guardrail_id", "is required with guardrail_version (the guardrail's id or ARN)")
            }
        case .openai:
            if model.baseURL.isEmpty {
                report("model", "base_url", "is required with provider = \"openai\", e.g. http://127.0.0.1:11434/v1")
            } else if let problem = ConfigShapes.urlProblem(model.baseURL) {
                report("model", "base_url", problem)
            }
        }
        if !config.prompt.template.isEmpty, !FileManager.default.fileExists(atPath: config.prompt.template) {
            report("prompt", "template", "no such file: \(config.prompt.template)")
        }
        if config.ui.theme.isEmpty { report("ui", "theme", "must name a theme (see `qseek themes`)") }
        return found
    }
}

/// The value shapes AWS documents for the data-accessor flow (botocore models, TTI-FLOW.md).
public enum ConfigShapes {
    public static func regionProblem(_ value: String) -> String? {
        isRegion(value) ? nil : "\"\(value)\" is not an AWS region (e.g. us-east-1)"
    }

    public static func roleARNProblem(_ value: String) -> String? {
        isRoleARN(value) ? nil : "\"\(value)\" is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)"
    }

    public static func idcApplicationARNProblem(_ value: String) -> String? {
        isIdCApplicationARN(value) ? nil
            : "\"\(value)\" is not an Identity Center application ARN (arn:aws:sso::<12-digit account>:application/ssoins-…/apl-…)"
    }

    public static func resourceIDProblem(_ value: String) -> String? {
        isResourceID(value) ? nil : "\"\(value)\" is not a Q Business id (36 characters of [a-zA-Z0-9-], starting with a letter or digit)"
    }

    // The shapes below are matched by hand, byte by byte: they are checked at every start, and
    // a Swift `Regex` literal is compiled anew each time it is evaluated (it was a tenth of
    // qseek's start-up CPU).

    /// `[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}`, e.g. `us-east-1`, `us-gov-west-1`, `us-isob-east-1`.
    public static func isRegion(_ value: String) -> Bool {
        let parts = value.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 4, parts[0].count == 2, parts[0].allSatisfy(ASCII.isLower),
              let area = parts.dropLast().last, !area.isEmpty, area.allSatisfy(ASCII.isLower),
              let number = parts.last, (1...2).contains(number.count), number.allSatisfy(ASCII.isDigit) else { return false }
        guard parts.count == 4 else { return true }
        let partition = parts[1]
        return partition.elementsEqual("gov".utf8)
            || (partition.starts(with: "iso".utf8) && partition.allSatisfy(ASCII.isLower))
    }

    /// `arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/[\w+=,.@/-]{1,512}` (IAM names are ASCII).
    public static func isRoleARN(_ value: String) -> Bool {
        guard let resource = ARN.resource(of: value, service: "iam"), resource.starts(with: "role/".utf8) else { return false }
        let name = resource.dropFirst(5)
        return (1...512).contains(name.count) && name.allSatisfy { ASCII.isWord($0) || "+=,.@/-".utf8.contains($0) }
    }

    /// `arn:aws(-[a-z]+)*:sso::[0-9]{12}:application/[a-zA-Z0-9-]+/[a-zA-Z0-9-]+`.
    public static func isIdCApplicationARN(_ value: String) -> Bool {
        guard let resource = ARN.resource(of: value, service: "sso"), resource.starts(with: "application/".utf8) else { return false }
        let ids = resource.dropFirst(12).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return ids.count == 2 && ids.allSatisfy { !$0.isEmpty && $0.allSatisfy { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") } }
    }

    /// `externalIds[0]` of the data accessor: `[a-zA-Z0-9][a-zA-Z0-9_-]*`, 1–1000 characters.
    public static func isTenantID(_ value: String) -> Bool {
        let bytes = value.utf8
        guard let first = bytes.first, ASCII.isAlphanumeric(first), bytes.count <= 1000 else { return false }
        return bytes.allSatisfy { ASCII.isWord($0) || $0 == UInt8(ascii: "-") }
    }

    /// Q Business application and retriever ids: `[a-zA-Z0-9][a-zA-Z0-9-]{35}`.
    public static func isResourceID(_ value: String) -> Bool {
        let bytes = value.utf8
        guard bytes.count == 36, let first = bytes.first, ASCII.isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// `nil` for an absolute http(s) URL with a host; plain http only to loopback (the
    /// sandbox, a local model server), since anything else would send requests in the clear.
    public static func urlProblem(_ value: String) -> String? {
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            return "\"\(value)\" is not an absolute URL"
        }
        switch scheme {
        case "https": return nil
        case "http": return isLoopback(host) ? nil : "\"\(value)\" must use https (plain http is only allowed to 127.0.0.1 or localhost)"
        default: return "\"\(value)\" must be an http(s) URL"
        }
    }

    /// The issuer as the customer's trusted token issuer knows it: a URL without the
    /// discovery suffix and without a trailing slash (ID tokens carry it exactly so).
    public static func issuerProblem(_ value: String) -> String? {
        if let problem = urlProblem(value) { return problem }
        if value.contains("/.well-known/") { return "give the issuer without /.well-known/openid-configuration" }
        if value.hasSuffix("/") { return "remove the trailing `/`: the issuer must equal the `iss` of the ID tokens exactly" }
        return nil
    }

    /// An auth-code redirect URI qseek can receive: `http://127.0.0.1:PORT/path` (or
    /// `localhost`), with the fixed port and path registered for the data accessor.
    public static func loopbackRedirectProblem(_ value: String) -> String? {
        guard let url = URLComponents(string: value), url.scheme == "http", let host = url.host, ["127.0.0.1", "localhost"].contains(host),
              url.fragment == nil, url.query == nil, url.user == nil else {
            return "\"\(value)\" must be http://127.0.0.1:PORT/PATH or http://localhost:PORT/PATH (qseek receives the sign-in on loopback)"
        }
        guard let port = url.port, (1...65535).contains(port) else {
            return "\"\(value)\" needs the fixed port registered for the data accessor"
        }
        guard url.path.hasPrefix("/") else { return "\"\(value)\" needs a path, e.g. /callback" }
        return nil
    }

    /// An http(s) URL whose host is loopback.
    public static func isLoopbackURL(_ value: String) -> Bool {
        guard urlProblem(value) == nil, let host = URL(string: value)?.host else { return false }
        return isLoopback(host)
    }

    static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
    }
}

/// ASCII byte classes for the shape checks.
private enum ASCII {
    static func isLower(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLower(byte) || isDigit(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
    static func isWord(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == UInt8(ascii: "_") }
}

/// The fixed frame of the ARNs qseek reads: `arn:aws(-[a-z]+)*:SERVICE::[0-9]{12}:RESOURCE`.
private enum ARN {
    /// RESOURCE, when `value` is an ARN of `service` in some partition with a 12-digit account and no region.
    static func resource(of value: String, service: String) -> Substring.UTF8View? {
        let fields = value.utf8.split(separator: UInt8(ascii: ":"), maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0].elementsEqual("arn".utf8), fields[2].elementsEqual(service.utf8), fields[3].isEmpty,
              fields[4].count == 12, fields[4].allSatisfy(ASCII.isDigit) else { return nil }
        let partition = fields[1].split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard partition[0].elementsEqual("aws".utf8),
              partition.dropFirst().allSatisfy({ !$0.isEmpty && $0.allSatisfy(ASCII.isLower) }) else { return nil }
        return fields[5]
    }
}
