import Testing
@testable import AWS

struct EndpointResolverTests {
    @Test func defaultHostsFollowEachServicesNamingScheme() throws {
        let resolver = EndpointResolver(environment: [:])
        #expect(try resolver.endpoint(for: .sts, region: "eu-west-1").description == "https://sts.eu-west-1.amazonaws.com")
        #expect(try resolver.endpoint(for: .ssoOIDC, region: "us-east-1").description == "https://oidc.us-east-1.amazonaws.com")
        #expect(try resolver.endpoint(for: .qbusiness, region: "us-west-2").description == "https://qbusiness.us-west-2.api.aws")
        #expect(try resolver.endpoint(for: .bedrockRuntime, region: "ap-southeast-2").description
            == "https://bedrock-runtime.ap-southeast-2.amazonaws.com")
    }

    @Test func overridesApplyMostSpecificFirst() throws {
        let environment = ["AWS_ENDPOINT_URL": "http://127.0.0.1:4000", "AWS_ENDPOINT_URL_QBUSINESS": "http://127.0.0.1:5000/"]
        let resolver = EndpointResolver(environment: environment, overrides: [.sts: "http://localhost:6000", .ssoOIDC: ""])
        #expect(try resolver.endpoint(for: .sts, region: "us-east-1").hostHeader == "localhost:6000")
        #expect(try resolver.endpoint(for: .qbusiness, region: "us-east-1").hostHeader == "127.0.0.1:5000")
        #expect(try resolver.endpoint(for: .ssoOIDC, region: "us-east-1").hostHeader == "127.0.0.1:4000")
    }

    @Test func theHostHeaderCarriesOnlyNonDefaultPorts() throws {
        #expect(try Endpoint(url: "https://sts.amazonaws.com:443").hostHeader == "sts.amazonaws.com")
        #expect(try Endpoint(url: "http://127.0.0.1:80").hostHeader == "127.0.0.1")
        #expect(try Endpoint(url: "http://127.0.0.1:8443/base/").url(path: "/token", query: "aws_iam=t") == "http://127.0.0.1:8443/base/token?aws_iam=t")
    }

    @Test func aBrokenOverrideIsATypedErrorAndAMissingRegionToo() {
        #expect(throws: EndpointError.invalidURL("ftp://x")) { try EndpointResolver(environment: ["AWS_ENDPOINT_URL": "ftp://x"]).endpoint(for: .sts, region: "us-east-1") }
        #expect(throws: EndpointError.missingRegion(.qbusiness)) { try EndpointResolver(environment: [:]).endpoint(for: .qbusiness, region: "") }
    }

    @Test func theRegionComesFromExplicitThenEnvironmentThenProfile() {
        #expect(RegionResolver.region(explicit: "eu-central-1", environment: ["AWS_REGION": "us-east-1"]) == "eu-central-1")
        #expect(RegionResolver.region(environment: ["AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-west-2"]) == "us-east-1")
        #expect(RegionResolver.region(environment: ["AWS_DEFAULT_REGION": "us-west-2"], profileRegion: "eu-west-1") == "us-west-2")
        #expect(RegionResolver.region(environment: [:], profileRegion: "eu-west-1") == "eu-west-1")
        #expect(RegionResolver.region(environment: [:]) == nil)
    }
}
