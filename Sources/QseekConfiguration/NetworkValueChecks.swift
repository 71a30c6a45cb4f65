/// The checks every load runs on the values that become hosts, URLs or ARNs.
///
/// `config check` reports every problem of a half-filled config; a command cannot wait for
/// that: a tenant's `idc_region = "x.evil.example/"` pasted into a hostname would send the
/// user's ID token and signed credentials to another host. So each load (environment
/// overrides included) refuses such a value with the rule `config check` uses. Empty values
/// pass here: the command that needs one says so when it does.
extension ConfigParser {
    /// The problems with values that reach the network, located in this parser's text.
    public func networkProblems(in config: QseekConfig) -> [ConfigError] {
        var found: [ConfigError] = []
        func report(_ table: String, _ key: String, index: Int = 0, _ problem: String?) {
            if let problem { found.append(error(table: table, index: index, key: key, problem)) }
        }
        if !config.identity.issuer.isEmpty {
            // Only the URL rule: the trailing-slash advice of `config check` is about matching `iss`.
            report("identity", "issuer", ConfigShapes.urlProblem(config.identity.issuer))
        }
        report("aws", "region", ConfigShapes.regionProblem(config.aws.region))
        if !config.aws.dataAccessorRoleARN.isEmpty {
            report("aws", "data_accessor_role_arn", ConfigShapes.roleARNProblem(config.aws.dataAccessorRoleARN))
        }
        report("aws", "access_key_id", config.staticAccessKeyProblem)
        for (key, value) in config.endpoints.named where !value.isEmpty {
            report("endpoints", key, ConfigShapes.urlProblem(value))
        }
        for (index, tenant) in config.tenants.enumerated() {
            report("tenants", "region", index: index, ConfigShapes.regionProblem(tenant.region))
            report("tenants", "idc_region", index: index, ConfigShapes.regionProblem(tenant.idcRegion))
            for (key, value) in [("application_id", tenant.applicationID), ("retriever_id", tenant.retrieverID)] where !value.isEmpty {
                report("tenants", key, index: index, ConfigShapes.resourceIDProblem(value))
            }
            if !tenant.idcApplicationARN.isEmpty {
                report("tenants", "idc_application_arn", index: index, ConfigShapes.idcApplicationARNProblem(tenant.idcApplicationARN))
            }
        }
        switch config.model.provider {
        case .none:
            break
        case .bedrock:
            if !config.model.region.isEmpty { report("model", "region", ConfigShapes.regionProblem(config.model.region)) }
        case .openai:
            if !config.model.baseURL.isEmpty { report("model", "base_url", ConfigShapes.urlProblem(config.model.baseURL)) }
        }
        return found
    }
}

extension QseekConfig {
    /// Why `[aws] access_key_id` may not be used, or `nil` when it is empty or every AWS
    /// endpoint is a loopback override. The key in a config file is the sandbox's demo key:
    /// sent to real AWS it would sign with a long-term key kept in plain text.
    public var staticAccessKeyProblem: String? {
        guard !aws.accessKeyID.isEmpty else { return nil }
        let remote = endpoints.named.filter { !ConfigShapes.isLoopbackURL($0.value) }.map(\.key)
        guard !remote.isEmpty else { return nil }
        return "a key in the config file is for the sandbox only, and [endpoints] \(remote.joined(separator: ", ")) "
            + "\(remote.count == 1 ? "is" : "are") not a loopback URL, so it would be sent to real AWS. "
            + "Remove access_key_id and secret_access_key to use the AWS credential chain (a profile, the environment, SSO), "
            + "or point every [endpoints] entry at the sandbox (http://127.0.0.1:PORT/...)."
    }
}

extension QseekConfig.Endpoints {
    /// Each endpoint override with its key in `[endpoints]`.
    var named: [(key: String, value: String)] {
        [("sts", sts), ("sso_oidc", ssoOIDC), ("qbusiness", qbusiness), ("bedrock_runtime", bedrockRuntime)]
    }
}
