import Foundation
import Testing

@testable import OIDC

/// Plain http is for this machine only: a remote issuer, or any endpoint its discovery
/// document names, over http could be answered by anyone on the path.
@Suite("https for issuers and their endpoints")
struct SchemeTests {
    @Test func aPlainHttpIssuerThatIsNotLoopbackIsRefusedBeforeAnyRequest() async throws {
        let idp = TestIdentityProvider(issuer: "http://idp.example.test/tenant-a")
        let discovery = ProviderDiscovery(issuer: idp.issuer, transport: idp.transport)
        await #expect {
            try await discovery.metadata()
        } throws: { error in
            guard case OIDCError.invalidConfiguration(let why) = error else { return false }
            return why.contains("must use https")
        }
        #expect(idp.transport.requests.isEmpty)
    }

    @Test func aLoopbackIssuerMayUsePlainHttp() throws {
        for issuer in ["http://127.0.0.1:8080/idp", "http://localhost:8080/idp", "http://[::1]:8080/idp"] {
            #expect(throws: Never.self) { try ProviderMetadata.discoveryURL(for: issuer) }
        }
    }

    @Test(arguments: ["authorization_endpoint", "token_endpoint", "jwks_uri", "device_authorization_endpoint",
                      "revocation_endpoint", "userinfo_endpoint"])
    func aDiscoveryDocumentWithAPlainHttpEndpointIsRefused(key: String) async throws {
        let idp = TestIdentityProvider(extraMetadata: [key: "http://idp.example.test/\(key)"])
        let discovery = ProviderDiscovery(issuer: idp.issuer, transport: idp.transport)
        await #expect {
            try await discovery.metadata()
        } throws: { error in
            guard case OIDCError.discoveryFailed(_, let reason) = error else { return false }
            return reason.contains(key) && reason.contains("not an https URL")
        }
        // Only the discovery document itself was fetched; nothing went to the http endpoint.
        #expect(idp.transport.requests.allSatisfy { $0.url.hasPrefix("https://") })
    }

    @Test func aLoopbackIssuersEndpointsMustStayOnLoopback() {
        let metadata = ProviderMetadata(issuer: "http://127.0.0.1:9/idp", authorizationEndpoint: URL(string: "http://127.0.0.1:9/idp/authorize")!,
                                        tokenEndpoint: URL(string: "http://evil.example/token")!, jwksURI: URL(string: "http://127.0.0.1:9/idp/jwks")!)
        #expect(metadata.insecureEndpoint(issuerIsLoopback: true)?.key == "token_endpoint")
        #expect(metadata.insecureEndpoint(issuerIsLoopback: false)?.key == "authorization_endpoint")
    }

    @Test(arguments: ["file:///etc/passwd", "javascript:alert(1)", "x-custom-app://open", "ftp://idp.example.test/"])
    func onlyWebPagesAreOpenedInABrowser(url: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qseek-browsers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("xdg-open")
        try "#!/bin/sh\ntouch \"$(dirname \"$0\")/opened\"\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        #expect(!BrowserLauncher(environment: ["PATH": directory.path]).open(try #require(URL(string: url))))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("opened").path))
    }
}
