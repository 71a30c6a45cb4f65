import Foundation
import Testing

@testable import QseekConfiguration

/// Every load refuses a value that would put another host into a URL, before any command
/// could send a request with it (a refused load sends nothing anywhere).
@Suite("Values that reach the network are checked at every load")
struct NetworkValueLoadTests {
    static let valid = ConfigChecksTests.valid

    func load(_ text: String, environment: [String: String] = [:]) throws -> QseekConfig {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try QseekConfig.load(option: file.path, environment: environment).0
    }

    func loadError(_ text: String, environment: [String: String] = [:]) -> ConfigError? {
        do {
            _ = try load(text, environment: environment)
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    @Test func aValidConfigLoads() throws {
        #expect(try load(Self.valid).tenants.first?.idcRegion == "eu-west-1")
    }

    @Test func anIdentityCenterRegionThatNamesAnotherHostIsRefusedAtItsLine() throws {
        let error = try #require(loadError(Self.valid.replacingOccurrences(of: "idc_region = \"eu-west-1\"", with: "idc_region = \"x.evil.example/\"")))
        #expect(error.key == "tenants[0].idc_region")
        #expect(error.line == 14)
        #expect(error.message.contains("is not an AWS region"))
    }

    @Test func eachHostOrURLOrARNValueIsChecked() throws {
        let cases: [(String, String, String)] = [
            ("region = \"us-east-1\"\ndata", "region = \"us-east-1.evil.example\"\ndata", "aws.region"),
            ("region = \"us-east-1\"\nidc", "region = \"evil.example#\"\nidc", "tenants[0].region"),
            ("role/QseekDataAccessor", "role/QseekDataAccessor\\nHost: evil.example", "aws.data_accessor_role_arn"),
            ("issuer = \"https://cognito", "issuer = \"http://cognito", "identity.issuer"),
            ("apl-5678efgh", "apl-5678efgh/../../x", "tenants[0].idc_application_arn"),
            ("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "../../evil?x=a1b2c3d4-5678-90ab-cdef", "tenants[0].application_id"),
            ("r1b2c3d4-5678-90ab-cdef-EXAMPLE22222", "r1b2c3d4/5678-90ab-cdef-EXAMPLE22222", "tenants[0].retriever_id"),
        ]
        for (old, new, key) in cases {
            let text = Self.valid.replacingOccurrences(of: old, with: new)
            #expect(text != Self.valid)
            #expect(loadError(text)?.key == key, "\(new)")
        }
        #expect(loadError(Self.valid + "\n[endpoints]\nqbusiness = \"http://evil.example\"\n")?.key == "endpoints.qbusiness")
        #expect(loadError(Self.valid + "\n[model]\nprovider = \"openai\"\nbase_url = \"http://evil.example/v1\"\n")?.key == "model.base_url")
        #expect(loadError(Self.valid + "\n[model]\nprovider = \"bedrock\"\nregion = \"x.evil\"\n")?.key == "model.region")
    }

    @Test func anEnvironmentOverrideIsCheckedAndNamed() throws {
        let error = try #require(loadError(Self.valid, environment: ["QSEEK_REGION": "us-east-1.evil.example"]))
        #expect(error.key == "QSEEK_REGION")
        #expect(error.file == "environment")
        #expect(loadError(Self.valid, environment: ["QSEEK_MODEL_PROVIDER": "openai", "QSEEK_MODEL_BASE_URL": "http://evil.example"])?.key
                == "QSEEK_MODEL_BASE_URL")
        #expect(loadError(Self.valid, environment: ["QSEEK_ISSUER": "http://idp.evil.example"])?.key == "QSEEK_ISSUER")
    }

    @Test func emptyValuesStillLoadSoTheCommandCanSayWhatIsMissing() throws {
        #expect(try load("[identity]\nclient_id = \"x\"\n").identity.issuer.isEmpty)
    }

    @Test func aStaticKeyIsRefusedUnlessEveryAWSEndpointIsLoopback() throws {
        let keyed = Self.valid.replacingOccurrences(of: "data_accessor_role_arn", with: "access_key_id = \"AKIAEXAMPLE\"\nsecret_access_key = \"s\"\ndata_accessor_role_arn")
        let refused = try #require(loadError(keyed))
        #expect(refused.key == "aws.access_key_id")
        #expect(refused.message.contains("sandbox only"))
        #expect(refused.message.contains("sts, sso_oidc, qbusiness, bedrock_runtime"))
        let partly = keyed + "\n[endpoints]\nsts = \"http://127.0.0.1:9/sts\"\nsso_oidc = \"http://127.0.0.1:9/sso-oidc\"\nqbusiness = \"https://qbusiness.us-east-1.amazonaws.com\"\nbedrock_runtime = \"http://[::1]:9/b\"\n"
        #expect(loadError(partly)?.message.contains("[endpoints] qbusiness is not a loopback URL") == true)
        let local = partly.replacingOccurrences(of: "https://qbusiness.us-east-1.amazonaws.com", with: "http://localhost:9/qbusiness")
        #expect(try load(local).aws.accessKeyID == "AKIAEXAMPLE")
    }
}
