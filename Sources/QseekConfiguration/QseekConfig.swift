/// The whole qseek configuration file (CONFIG.md), with every default filled in.
///
/// A value of this type is always valid: ``ConfigParser`` refuses unknown keys, wrong types
/// and out-of-range values with the file and line, so code that receives a `QseekConfig`
/// never re-checks it.
public struct QseekConfig: Sendable, Equatable {
    public enum Flow: String, Sendable, CaseIterable { case auto, browser, device }
    public enum ModelProvider: String, Sendable, CaseIterable { case none, bedrock, openai }
    public enum HistoryMode: String, Sendable, CaseIterable { case off, metadata, full }

    /// `[identity]`: the ISV's OpenID Connect provider.
    public struct Identity: Sendable, Equatable {
        public var issuer = ""
        public var clientID = ""
        /// The *name* of an environment variable holding the client secret; empty for public clients.
        public var clientSecretEnv = ""
        public var scopes = ["openid", "email", "profile"]
        public var flow = Flow.auto
        /// 0 = a free port.
        public var redirectPort = 0
        public var redirectPath = "/callback"
        /// Host written in the redirect URI; the receiver always binds 127.0.0.1.
        public var redirectHost = "127.0.0.1"
        public var tenantClaim = ""
        public var demoUsers: [String] = []
        public init() {}
    }

    /// `[aws]`: the ISV's own AWS identity (the base credentials).
    public struct AWS: Sendable, Equatable {
        public var profile = ""
        public var region = "us-east-1"
        public var dataAccessorRoleARN = ""
        public var sessionDuration = 900
        public var accessKeyID = ""
        public var secretAccessKey = ""
        public init() {}
    }

    /// `[endpoints]`: optional endpoint overrides; empty = the AWS default.
    public struct Endpoints: Sendable, Equatable {
        public var sts = ""
        public var ssoOIDC = ""
        public var qbusiness = ""
        public var bedrockRuntime = ""
        public init() {}
    }

    /// One `[[tenants]]` entry.
    public struct Tenant: Sendable, Equatable {
        /// The data accessor's authentication type (`auth`).
        public enum Authentication: String, Sendable, CaseIterable {
            /// `AWS_IAM_IDC_TTI`: the user signs in at the ISV's IdP (`[identity]`).
            case tti
            /// `AWS_IAM_IDC_AUTH_CODE`: the user signs in at the customer's IAM Identity Center.
            case idcAuthCode = "idc-auth-code"
        }

        public var id = ""
        public var name = ""
        public var applicationID = ""
        public var retrieverID = ""
        public var region = "us-east-1"
        public var idcRegion = "us-east-1"
        public var idcApplicationARN = ""
        public var auth = Authentication.tti
        /// The redirect URI registered for an auth-code data accessor (exact: fixed port and path).
        public var redirectURI = ""
        /// Sandbox only: users of this tenant's Identity Center that `login --user` signs in with no browser.
        public var demoUsers: [String] = []
        public init() {}
    }

    public struct Search: Sendable, Equatable {
        public var maxResults = 25
        public var maxPages = 4
        public init() {}
    }

    public struct Prompt: Sendable, Equatable {
        public var budgetTokens = 6000
        /// Path to a Mustache template; empty = built-in.
        public var template = ""
        public init() {}
    }

    public struct Model: Sendable, Equatable {
        public var provider = ModelProvider.none
        public var modelID = ""
        /// Bedrock only; empty = `[aws].region`.
        public var region = ""
        public var baseURL = ""
        public var apiKeyEnv = ""
        /// Bedrock only: `markers` asks for `[n]` in the prompt; `native` sends the passages as
        /// search results and maps the model's own citations to `[n]`.
        public var citations = CitationMode.markers
        /// Bedrock only: a guardrail id or ARN (empty = none) and its version.
        public var guardrailID = ""
        public var guardrailVersion = ""
        /// Bedrock only: `serviceTier`; nil = not sent (the service's default).
        public var serviceTier: ServiceTier?
        public init() {}
    }

    public enum CitationMode: String, Sendable, CaseIterable { case markers, native }
    public enum ServiceTier: String, Sendable, CaseIterable { case priority, `default`, flex, reserved }

    public struct UI: Sendable, Equatable {
        public var theme = "midnight"
        public var mouse = true
        public init() {}
    }

    public struct History: Sendable, Equatable {
        public var mode = HistoryMode.metadata
        public init() {}
    }

    /// `[mcp]`: `qseek mcp --http`, the ISV backend mode.
    public struct MCP: Sendable, Equatable {
        /// The accepted `aud` of bearer tokens; empty = `[identity].client_id`.
        public var audience = ""
        /// The MCP endpoint's public URL (RFC 9728 `resource`); empty = `http://HOST:PORT/mcp` as bound.
        public var resource = ""
        /// Users whose credentials are kept at once (least recently used leave first).
        public var maxUsers = 1000
        /// Allowed clock difference when checking a bearer token's `exp`, `iat` and `nbf`.
        public var clockSkewSeconds = 60
        public init() {}
    }

    public var identity = Identity()
    public var aws = AWS()
    public var endpoints = Endpoints()
    public var tenants: [Tenant] = []
    public var search = Search()
    public var prompt = Prompt()
    public var model = Model()
    public var ui = UI()
    public var history = History()
    public var mcp = MCP()

    public init() {}
}

extension QseekConfig.AWS: CustomStringConvertible {
    /// The secret access key never appears in output.
    public var description: String {
        "AWS(profile: \(profile), region: \(region), role: \(dataAccessorRoleARN), sessionDuration: \(sessionDuration), accessKeyID: \(accessKeyID), secretAccessKey: \(secretAccessKey.isEmpty ? "" : "<redacted>"))"
    }
}
