import QseekConfiguration
import Testing
@testable import Sandbox

/// `--write-config` must produce a file qseek's own config loader accepts (unknown keys are
/// errors there), pointing at the running sandbox.
@Suite struct SandboxConfigFileTests {
    @Test func theWrittenConfigParsesWithQseeksLoaderAndPointsAtTheSandbox() async throws {
        try await withSandbox { http in
            let sandbox = http.sandbox
            let config = try ConfigParser(text: SandboxConfigFile.toml(for: sandbox), file: "sandbox.toml").parse()
            #expect(config.identity.issuer == sandbox.issuer)
            #expect(config.identity.clientID == "qseek-demo")
            #expect(config.identity.demoUsers == sandbox.corpus.users.map(\.email))
            #expect(config.aws.accessKeyID == DemoCredentials.accessKeyID)
            #expect(config.aws.dataAccessorRoleARN == sandbox.corpus.dataAccessorRoleARN)
            #expect(config.endpoints.ssoOIDC == sandbox.endpoints.ssoOIDC)
            #expect(config.endpoints.bedrockRuntime == sandbox.endpoints.bedrockRuntime)
            #expect(config.tenants.map(\.id) == sandbox.corpus.tenants.map(\.id))
            #expect(config.tenants.map(\.idcRegion) == sandbox.corpus.tenants.map(\.idcRegion))
            #expect(config.model.modelID == "sandbox.extractive-v1")
        }
    }
}
