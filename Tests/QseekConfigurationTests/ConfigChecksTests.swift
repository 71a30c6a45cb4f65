import Foundation
import Testing

@testable import QseekConfiguration

@Suite("Config checks, template and environment overrides")
struct ConfigChecksTests {
    static let valid = """
        [identity]
        issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abcd1234"
        client_id = "4c1f7example"

        [aws]
        region = "us-east-1"
        data_accessor_role_arn = "arn:aws:iam::111122223333:role/QseekDataAccessor"

        [[tenants]]
        id = "T0123ACME"
        application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
        retriever_id = "r1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
        region = "us-east-1"
        idc_region = "eu-west-1"
        idc_application_arn = "arn:aws:sso::111122223333:application/ssoins-1234abcd/apl-5678efgh"
        """

    func problems(_ text: String) throws -> [ConfigError] {
        try ConfigParser(text: text, file: "c.toml").check().problems
    }

    func problems(replacing old: String, with new: String) throws -> [ConfigError] {
        let text = Self.valid.replacingOccurrences(of: old, with: new)
        #expect(text != Self.valid, "the fixture must contain \(old)")
        return try problems(text)
    }

    @Test func aCompleteConfigHasNoProblems() throws {
        #expect(try problems(Self.valid).isEmpty)
    }

    @Test func aRoleARNThatIsNotAnIAMRoleIsReportedAtItsLine() throws {
        let found = try problems(replacing: "arn:aws:iam::111122223333:role/QseekDataAccessor", with: "arn:aws:iam::1111:role/QseekDataAccessor")
        #expect(found.count == 1)
        #expect(found.first?.key == "aws.data_accessor_role_arn")
        #expect(found.first?.line == 7)
        #expect(found.first?.description.hasPrefix("c.toml:7: aws.data_accessor_role_arn:") == true)
    }

    @Test func anIdentityCenterARNMustBeAnSSOApplication() throws {
        let found = try problems(replacing: "arn:aws:sso::111122223333:application/", with: "arn:aws:iam::111122223333:application/")
        #expect(found.map(\.key) == ["tenants[0].idc_application_arn"])
        #expect(found.first?.line == 15)
    }

    @Test func tenantIdsFollowTheExternalIdPattern() throws {
        #expect(try problems(replacing: "id = \"T0123ACME\"", with: "id = \"-acme\"").map(\.key) == ["tenants[0].id"])
        #expect(try problems(replacing: "id = \"T0123ACME\"", with: "id = \"acme corp\"").map(\.key) == ["tenants[0].id"])
        #expect(try problems(replacing: "id = \"T0123ACME\"", with: "id = \"acme_corp-2\"").isEmpty)
    }

    @Test func applicationAndRetrieverIdsAreThirtySixCharacters() throws {
        let short = try problems(replacing: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", with: "a1b2c3d4")
        #expect(short.map(\.key) == ["tenants[0].application_id"])
        #expect(short.first?.line == 11)
        let symbol = try problems(replacing: "r1b2c3d4-5678-90ab-cdef-EXAMPLE22222", with: "r1b2c3d4-5678-90ab-cdef-EXAMPLE2222!")
        #expect(symbol.map(\.key) == ["tenants[0].retriever_id"])
    }

    @Test func regionsAreChecked() throws {
        #expect(try problems(replacing: "idc_region = \"eu-west-1\"", with: "idc_region = \"europe\"").map(\.key) == ["tenants[0].idc_region"])
        #expect(try problems(replacing: "[aws]\nregion = \"us-east-1\"", with: "[aws]\nregion = \"US-EAST-1\"").map(\.key) == ["aws.region"])
        #expect(ConfigShapes.isRegion("us-gov-west-1"))
        #expect(ConfigShapes.isRegion("ap-southeast-2"))
    }

    @Test func urlsMustBeHTTPSExceptOnLoopback() throws {
        #expect(try problems(replacing: "https://cognito-idp", with: "http://cognito-idp").map(\.key) == ["identity.issuer"])
        #expect(try problems(Self.valid + "\n[endpoints]\nsts = \"http://127.0.0.1:4566\"\n").isEmpty)
        #expect(try problems(Self.valid + "\n[endpoints]\nsts = \"not a url\"\n").map(\.key) == ["endpoints.sts"])
        #expect(try problems(replacing: "us-east-1_abcd1234\"", with: "us-east-1_abcd1234/.well-known/openid-configuration\"").map(\.key)
            == ["identity.issuer"])
    }

    @Test func everyMissingRequiredValueIsListedAtOnce() throws {
        let found = try problems("")
        let keys = Set(found.compactMap(\.key))
        #expect(keys.isSuperset(of: ["identity.issuer", "identity.client_id", "aws.data_accessor_role_arn", "tenants"]))
    }

    @Test func aModelProviderNeedsItsKeys() throws {
        #expect(try problems(Self.valid + "\n[model]\nprovider = \"bedrock\"\n").map(\.key) == ["model.model_id"])
        #expect(try problems(Self.valid + "\n[model]\nprovider = \"openai\"\n").map(\.key) == ["model.base_url"])
        #expect(try problems(Self.valid + "\n[model]\nprovider = \"openai\"\nbase_url = \"http://127.0.0.1:11434/v1\"\n").isEmpty)
    }

    @Test func theBedrockPassThroughKeysParseAndAGuardrailNeedsBothHalves() throws {
        let model = "\n[model]\nprovider = \"bedrock\"\nmodel_id = \"m\"\n"
        let config = try ConfigParser(text: Self.valid + model + "citations = \"native\"\nguardrail_id = \"gr1\"\nguardrail_version = \"DRAFT\"\nservice_tier = \"flex\"\n").parse()
        #expect(config.model.citations == .native)
        #expect(config.model.guardrailID == "gr1" && config.model.guardrailVersion == "DRAFT")
        #expect(config.model.serviceTier == .flex)
        #expect(try problems(Self.valid + model + "guardrail_id = \"gr1\"\n").map(\.key) == ["model.guardrail_version"])
        #expect(try problems(Self.valid + model + "guardrail_version = \"1\"\n").map(\.key) == ["model.guardrail_id"])
        #expect(throws: ConfigError.self) { try ConfigParser(text: Self.valid + model + "citations = \"inline\"\n").parse() }
        #expect(throws: ConfigError.self) { try ConfigParser(text: Self.valid + model + "service_tier = \"turbo\"\n").parse() }
        #expect(try ConfigParser(text: Self.valid + model + "service_tier = \"\"\n").parse().model.serviceTier == nil)
    }

    @Test func theTemplateParsesWithTheStrictParser() throws {
        let config = try ConfigParser(text: ConfigTemplate.text, file: "template").parse()
        #expect(config == QseekConfig(), "the template's values are the defaults")
    }

    @Test func theTemplateDocumentsEveryKeyOfTheContract() {
        let keys = [
            "issuer", "client_id", "client_secret_env", "scopes", "flow", "redirect_port", "redirect_path", "redirect_host",
            "tenant_claim", "demo_users", "profile", "region", "data_accessor_role_arn", "session_duration", "access_key_id",
            "secret_access_key", "sts", "sso_oidc", "qbusiness", "bedrock_runtime", "id", "name", "application_id",
            "retriever_id", "idc_region", "idc_application_arn", "max_results", "max_pages", "budget_tokens", "template",
            "provider", "model_id", "base_url", "api_key_env", "citations", "guardrail_id", "guardrail_version", "service_tier",
            "theme", "mouse", "mode",
        ]
        let lines = ConfigTemplate.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for key in keys {
            #expect(lines.contains { $0.hasPrefix("\(key) =") || $0.hasPrefix("# \(key) =") }, "\(key) is not in the template")
        }
        #expect(ConfigTemplate.text.contains("https://cognito-idp.{region}.amazonaws.com/{userPoolId}"))
        #expect(ConfigTemplate.text.contains("sts:TagSession"))
    }

    @Test func environmentOverridesReplaceFileValues() throws {
        var config = try ConfigParser(text: Self.valid).parse()
        let applied = try EnvironmentOverrides.apply(to: &config, environment: [
            "QSEEK_ISSUER": "https://idp.example.com", "QSEEK_CLIENT_ID": "other", "QSEEK_REGION": "eu-west-1",
            "QSEEK_ROLE_ARN": "arn:aws:iam::444455556666:role/Other", "QSEEK_THEME": "daylight", "QSEEK_MODEL_PROVIDER": "openai",
            "QSEEK_SESSION_DURATION": "1800", "QSEEK_UNRELATED": "x", "QSEEK_FLOW": "",
        ])
        #expect(config.identity.issuer == "https://idp.example.com")
        #expect(config.identity.clientID == "other")
        #expect(config.aws.region == "eu-west-1")
        #expect(config.aws.dataAccessorRoleARN == "arn:aws:iam::444455556666:role/Other")
        #expect(config.ui.theme == "daylight")
        #expect(config.model.provider == .openai)
        #expect(config.aws.sessionDuration == 1800)
        #expect(config.identity.flow == .auto, "an empty variable counts as unset")
        #expect(applied.count == 7)
    }

    @Test func aBadOverrideNamesTheVariable() {
        var config = QseekConfig()
        #expect(throws: ConfigError(file: "environment", line: nil, key: "QSEEK_MODEL_PROVIDER",
                                    message: "must be one of \"none\" | \"bedrock\" | \"openai\", not \"gpt\"")) {
            try EnvironmentOverrides.apply(to: &config, environment: ["QSEEK_MODEL_PROVIDER": "gpt"])
        }
        #expect(throws: ConfigError.self) { try EnvironmentOverrides.apply(to: &config, environment: ["QSEEK_SESSION_DURATION": "60"]) }
    }

    @Test func loadAppliesOverridesEvenWithoutAFile() throws {
        let (config, _) = try QseekConfig.load(option: nil, environment: ["HOME": "/nonexistent-\(UUID().uuidString)", "QSEEK_CLIENT_ID": "from-env"])
        #expect(config.identity.clientID == "from-env")
    }
}
