import TOML

/// Turns TOML text into a ``QseekConfig``, strictly: unknown tables and keys, wrong types and
/// out-of-range values are errors with file:line, because a silently ignored typo in an
/// identity setting is a security and support problem.
public struct ConfigParser {
    public let file: String?
    private let text: String

    public init(text: String, file: String? = nil) {
        self.text = text
        self.file = file
    }

    public func parse() throws -> QseekConfig {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text)
        } catch {
            throw ConfigError(file: file, line: error.line, key: nil, message: "not valid TOML (column \(error.column)): \(error.message)")
        }

        var config = QseekConfig()
        let known = ["identity", "aws", "endpoints", "tenants", "search", "prompt", "model", "ui", "history", "mcp"]
        for key in root.keys where !known.contains(key) {
            throw error(in: root, table: key, key: nil, "unknown section or key `\(key)` (known: \(known.joined(separator: ", ")))")
        }

        if case let (table, line)? = try section(root, "identity") {
            var reader = TableReader(file: file, table: table, line: line, name: "identity")
            var identity = QseekConfig.Identity()
            try reader.string("issuer") { identity.issuer = $0 }
            try reader.string("client_id") { identity.clientID = $0 }
            try reader.string("client_secret_env") { identity.clientSecretEnv = $0 }
            try reader.strings("scopes") { identity.scopes = $0 }
            try reader.choice("flow", QseekConfig.Flow.self) { identity.flow = $0 }
            try reader.int("redirect_port", 0...65535) { identity.redirectPort = $0 }
            try reader.string("redirect_path", check: { $0.hasPrefix("/") ? nil : "must start with `/`" }) { identity.redirectPath = $0 }
            try reader.string("redirect_host", check: { ["127.0.0.1", "localhost"].contains($0) ? nil : "must be \"127.0.0.1\" or \"localhost\" (the receiver only listens on loopback)" }) { identity.redirectHost = $0 }
            try reader.string("tenant_claim") { identity.tenantClaim = $0 }
            try reader.strings("demo_users") { identity.demoUsers = $0 }
            try reader.finish()
            config.identity = identity
        }

        if case let (table, line)? = try section(root, "aws") {
            var reader = TableReader(file: file, table: table, line: line, name: "aws")
            var aws = QseekConfig.AWS()
            try reader.string("profile") { aws.profile = $0 }
            try reader.string("region") { aws.region = $0 }
            try reader.string("data_accessor_role_arn") { aws.dataAccessorRoleARN = $0 }
            try reader.int("session_duration", 900...3600) { aws.sessionDuration = $0 }
            try reader.string("access_key_id") { aws.accessKeyID = $0 }
            try reader.string("secret_access_key") { aws.secretAccessKey = $0 }
            try reader.finish()
            config.aws = aws
        }

        if case let (table, line)? = try section(root, "endpoints") {
            var reader = TableReader(file: file, table: table, line: line, name: "endpoints")
            var endpoints = QseekConfig.Endpoints()
            try reader.string("sts") { endpoints.sts = $0 }
            try reader.string("sso_oidc") { endpoints.ssoOIDC = $0 }
            try reader.string("qbusiness") { endpoints.qbusiness = $0 }
            try reader.string("bedrock_runtime") { endpoints.bedrockRuntime = $0 }
            try reader.finish()
            config.endpoints = endpoints
        }

        if let value = root["tenants"] {
            guard let array = value.array else {
                throw error(in: root, table: "tenants", key: nil, "must be an array of tables ([[tenants]])")
            }
            var seen: Set<String> = []
            for (index, element) in array.enumerated() {
                guard let table = element.table else {
                    throw error(in: root, table: "tenants", key: nil, "every entry must be a table ([[tenants]])")
                }
                var reader = TableReader(file: file, table: table, line: element.line, name: "tenants", index: index)
                var tenant = QseekConfig.Tenant()
                try reader.string("id", check: { $0.isEmpty ? "must not be empty" : nil }) { tenant.id = $0 }
                try reader.string("name") { tenant.name = $0 }
                try reader.string("application_id") { tenant.applicationID = $0 }
                try reader.string("retriever_id") { tenant.retrieverID = $0 }
                try reader.string("region") { tenant.region = $0 }
                try reader.string("idc_region") { tenant.idcRegion = $0 }
                try reader.string("idc_application_arn") { tenant.idcApplicationARN = $0 }
                try reader.choice("auth", QseekConfig.Tenant.Authentication.self) { tenant.auth = $0 }
                try reader.string("redirect_uri") { tenant.redirectURI = $0 }
                try reader.strings("demo_users") { tenant.demoUsers = $0 }
                try reader.finish()
                guard !tenant.id.isEmpty else {
                    throw reader.fail(nil, "tenants[\(index)]: `id` is required")
                }
                guard seen.insert(tenant.id).inserted else {
                    throw reader.fail("id", "tenants[\(index)].id: `\(tenant.id)` is listed twice")
                }
                config.tenants.append(tenant)
            }
        }

        if case let (table, line)? = try section(root, "search") {
            var reader = TableReader(file: file, table: table, line: line, name: "search")
            try reader.int("max_results", 1...100) { config.search.maxResults = $0 }
            try reader.int("max_pages", 1...1000) { config.search.maxPages = $0 }
            try reader.finish()
        }

        if case let (table, line)? = try section(root, "prompt") {
            var reader = TableReader(file: file, table: table, line: line, name: "prompt")
            try reader.int("budget_tokens", 1...10_000_000) { config.prompt.budgetTokens = $0 }
            try reader.string("template") { config.prompt.template = $0 }
            try reader.finish()
        }

        if case let (table, line)? = try section(root, "model") {
            var reader = TableReader(file: file, table: table, line: line, name: "model")
            try reader.choice("provider", QseekConfig.ModelProvider.self) { config.model.provider = $0 }
            try reader.string("model_id") { config.model.modelID = $0 }
            try reader.string("region") { config.model.region = $0 }
            try reader.string("base_url") { config.model.baseURL = $0 }
            try reader.string("api_key_env") { config.model.apiKeyEnv = $0 }
            try reader.choice("citations", QseekConfig.CitationMode.self) { config.model.citations = $0 }
            try reader.string("guardrail_id") { config.model.guardrailID = $0 }
            try reader.string("guardrail_version") { config.model.guardrailVersion = $0 }
            // CONFIG.md's default is "": not sent.
            let tiers = QseekConfig.ServiceTier.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            try reader.string("service_tier", check: { $0.isEmpty || QseekConfig.ServiceTier(rawValue: $0) != nil ? nil : "must be \(tiers) or \"\"" }) {
                config.model.serviceTier = QseekConfig.ServiceTier(rawValue: $0)
            }
            try reader.finish()
        }

        if case let (table, line)? = try section(root, "ui") {
            var reader = TableReader(file: file, table: table, line: line, name: "ui")
            try reader.string("theme") { config.ui.theme = $0 }
            try reader.bool("mouse") { config.ui.mouse = $0 }
            try reader.finish()
        }

        if case let (table, line)? = try section(root, "history") {
            var reader = TableReader(file: file, table: table, line: line, name: "history")
            try reader.choice("mode", QseekConfig.HistoryMode.self) { config.history.mode = $0 }
            try reader.finish()
        }

        if case let (table, line)? = try section(root, "mcp") {
            var reader = TableReader(file: file, table: table, line: line, name: "mcp")
            try reader.string("audience") { config.mcp.audience = $0 }
            try reader.string("resource", check: {
                $0.isEmpty || $0.hasPrefix("https://") || $0.hasPrefix("http://") ? nil : "must be an http(s) URL, e.g. https://search.example.com/mcp"
            }) { config.mcp.resource = $0 }
            try reader.int("max_users", 1...1_000_000) { config.mcp.maxUsers = $0 }
            try reader.int("clock_skew_seconds", 0...600) { config.mcp.clockSkewSeconds = $0 }
            try reader.finish()
        }

        return config
    }

    private func section(_ root: TOMLTable, _ name: String) throws -> (TOMLTable, line: Int)? {
        guard let value = root[name] else { return nil }
        guard let table = value.table else {
            throw error(in: root, table: name, key: nil, "`\(name)` must be a table ([\(name)])")
        }
        return (table, value.line)
    }

    /// An error about `key` in `table` (the `index`-th entry for `tenants`) at the line where
    /// the text sets it, else the line of its table; for checks made after parsing.
    func error(table: String, index: Int = 0, key: String?, _ message: String) -> ConfigError {
        error(in: try? TOMLParser.parse(text), table: table, index: index, key: key, message)
    }

    private func error(in root: TOMLTable?, table: String, index: Int = 0, key: String?, _ message: String) -> ConfigError {
        let section: TOMLValue?
        if table == "tenants", let entries = root?["tenants"]?.array {
            section = entries.indices.contains(index) ? entries[index] : nil
        } else {
            section = root?[table]
        }
        let line = key.flatMap { section?.table?[$0]?.line } ?? section?.line ?? key.flatMap { root?[$0]?.line }
        let dotted: String
        if table == "tenants" {
            dotted = key.map { "tenants[\(index)].\($0)" } ?? "tenants[\(index)]"
        } else {
            dotted = key.map { "\(table).\($0)" } ?? table
        }
        return ConfigError(file: file, line: line, key: dotted, message: message)
    }
}
