import Foundation
import Testing

@testable import QseekConfiguration

/// `auth = "tti" | "idc-auth-code"` and `redirect_uri` per tenant.
@Suite("Tenant authentication type in the config")
struct TenantAuthConfigTests {
    static func config(_ extra: String) -> String {
        ConfigChecksTests.valid + "\n" + extra + "\n"
    }

    func problems(_ text: String) throws -> [ConfigError] {
        try ConfigParser(text: text, file: "c.toml").check().problems
    }

    @Test func tenantsAreTTIUnlessTheySayOtherwise() throws {
        let config = try ConfigParser(text: ConfigChecksTests.valid).parse()
        #expect(config.tenants[0].auth == .tti)
        #expect(config.tenants[0].redirectURI.isEmpty)
    }

    @Test func anAuthCodeTenantWithItsRedirectURIHasNoProblems() throws {
        let text = Self.config("auth = \"idc-auth-code\"\nredirect_uri = \"http://127.0.0.1:47311/callback\"\ndemo_users = [\"a@b.example\"]")
        let config = try ConfigParser(text: text).parse()
        #expect(config.tenants[0].auth == .idcAuthCode)
        #expect(config.tenants[0].redirectURI == "http://127.0.0.1:47311/callback")
        #expect(config.tenants[0].demoUsers == ["a@b.example"])
        #expect(try problems(text).isEmpty)
    }

    @Test func anUnknownAuthIsRefusedWithTheChoices() throws {
        #expect {
            _ = try ConfigParser(text: Self.config("auth = \"oidc\""), file: "c.toml").parse()
        } throws: { error in
            "\(error)".contains("idc-auth-code")
        }
    }

    @Test(arguments: [
        ("", "is required"),
        ("https://app.example.com/callback", "127.0.0.1"),
        ("http://127.0.0.1/callback", "fixed port"),
        ("http://127.0.0.1:47311", "path"),
    ])
    func anAuthCodeTenantNeedsAFixedLoopbackRedirect(redirect: String, expected: String) throws {
        let line = redirect.isEmpty ? "" : "redirect_uri = \"\(redirect)\""
        let found = try problems(Self.config("auth = \"idc-auth-code\"\n" + line))
        #expect(found.count == 1)
        #expect(found.first?.key == "tenants[0].redirect_uri")
        #expect(found.first.map { "\($0)".contains(expected) } == true, "\(found)")
    }

    @Test func aRedirectURIOnATTITenantIsReportedAsUnused() throws {
        let found = try problems(Self.config("redirect_uri = \"http://127.0.0.1:47311/callback\""))
        #expect(found.map(\.key) == ["tenants[0].redirect_uri"])
    }
}
