import Foundation

/// The qseek config (CONFIG.md) that points at a running sandbox: issuer and client id, demo
/// users, the demo base key, the role, one endpoint per service and every tenant.
public enum SandboxConfigFile {
    public static func toml(for sandbox: RunningSandbox) -> String {
        let corpus = sandbox.corpus
        let endpoints = sandbox.endpoints
        var lines = [
            "# qseek config for the sandbox at \(sandbox.baseURL), written by `qseek sandbox serve --write-config`.",
            "# The AWS key below is the sandbox's public demo key; it opens nothing but the sandbox.",
            "",
            "[identity]",
            "issuer = \(quoted(sandbox.issuer))",
            "client_id = \(quoted(corpus.clientID))",
            "scopes = [\"openid\", \"email\", \"profile\"]",
            "flow = \"auto\"",
            "tenant_claim = \"tenants\"",
            "demo_users = [\(corpus.users.map { quoted($0.email) }.joined(separator: ", "))]",
            "",
            "[aws]",
            "region = \(quoted(corpus.tenants.first?.region ?? "us-east-1"))",
            "data_accessor_role_arn = \(quoted(corpus.dataAccessorRoleARN))",
            "session_duration = 900",
            "access_key_id = \(quoted(DemoCredentials.accessKeyID))",
            "secret_access_key = \(quoted(DemoCredentials.secretAccessKey))",
            "",
            "[endpoints]",
            "sts = \(quoted(endpoints.sts))",
            "sso_oidc = \(quoted(endpoints.ssoOIDC))",
            "qbusiness = \(quoted(endpoints.qbusiness))",
            "bedrock_runtime = \(quoted(endpoints.bedrockRuntime))",
        ]
        for tenant in corpus.tenants {
            lines += [
                "",
                "[[tenants]]",
                "id = \(quoted(tenant.id))",
                "name = \(quoted(tenant.name))",
                "application_id = \(quoted(tenant.applicationID))",
                "retriever_id = \(quoted(tenant.retrieverID))",
                "region = \(quoted(tenant.region))",
                "idc_region = \(quoted(tenant.idcRegion))",
                "idc_application_arn = \(quoted(tenant.idcApplicationARN))",
            ]
            if tenant.authentication == .identityCenterAuthCode, let redirectURI = tenant.redirectURIs.first {
                lines += ["auth = \(quoted(tenant.authentication.rawValue))", "redirect_uri = \(quoted(redirectURI))",
                          "demo_users = [\(tenant.members.map { quoted($0.email) }.joined(separator: ", "))]"]
            }
        }
        lines += [
            "",
            "[model]",
            "provider = \"bedrock\"",
            "model_id = \(quoted(DemoCredentials.extractiveModelID))",
            "region = \(quoted(corpus.tenants.first?.region ?? "us-east-1"))",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
