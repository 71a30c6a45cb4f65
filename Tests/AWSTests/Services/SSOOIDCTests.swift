import TestSupport
import Foundation
import Testing
@testable import AWS

struct SSOOIDCTests {
    static func jwt(claims: [String: Any]) -> String {
        func base64url(_ data: Data) -> String {
            data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
        let header = base64url(Data(#"{"alg":"RS256"}"#.utf8))
        let payload = base64url(try! JSONSerialization.data(withJSONObject: claims))
        return "\(header).\(payload).c2lnbmF0dXJl"
    }

    @Test func theIdentityContextIsReadFromTheIDTokenClaimWhenNotGivenDirectly() async throws {
        // A claim whose base64url form needs padding restored (length not a multiple of 4).
        let idToken = Self.jwt(claims: ["sub": "alice", "sts:identity_context": "AQoJb3JpZ2luX2VjEJ//ctx?"])
        try await LocalHTTPServer.with({ request in
            guard request.path == "/token", request.query == "aws_iam=t" else { return .text(404, "") }
            let body = #"{"accessToken":"at","tokenType":"Bearer","expiresIn":3600,"idToken":"\#(idToken)","issuedTokenType":"urn:ietf:params:oauth:token-type:access_token","scope":["openid","sts:identity_context"]}"#
            return .text(200, body)
        }) { server in
            try await Fixtures.withTransport { transport in
                let oidc = SSOOIDC(client: try Fixtures.client(.ssoOIDC, server: server, transport: transport))
                let token = try await oidc.createTokenWithIAM(clientID: "arn:aws:sso::111122223333:application/ssoins-1/apl-1",
                                                              grant: .jwtBearer(assertion: "eyJ.isv.token"))
                #expect(token.identityContext == "AQoJb3JpZ2luX2VjEJ//ctx?")
                #expect(token.expiresIn == 3600)
                #expect(!"\(token)".contains("at\""))
                #expect(!"\(token)".contains(idToken))
                let sent = try #require(server.requests.first)
                #expect(sent.header("Authorization")?.contains("/sso-oauth/aws4_request") == true)
                let body = try #require(try JSONSerialization.jsonObject(with: Data(sent.body)) as? [String: String])
                #expect(body == ["clientId": "arn:aws:sso::111122223333:application/ssoins-1/apl-1",
                                 "grantType": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": "eyJ.isv.token"])
            }
        }
    }

    @Test func awsAdditionalDetailsWinsOverTheIDToken() throws {
        let token = try SSOOIDC.parse(Array(#"{"accessToken":"a","awsAdditionalDetails":{"identityContext":"direct"},"idToken":"x.e30.y"}"#.utf8))
        #expect(token.identityContext == "direct")
    }

    @Test func aRefusedIDTokenIsExplained() async throws {
        try await LocalHTTPServer.with({ _ in
            .text(400, #"{"error":"invalid_grant","error_description":"Invalid token"}"#, headers: [("x-amzn-ErrorType", "InvalidGrantException")])
        }) { server in
            try await Fixtures.withTransport { transport in
                let oidc = SSOOIDC(client: try Fixtures.client(.ssoOIDC, server: server, transport: transport))
                do {
                    _ = try await oidc.createTokenWithIAM(clientID: "arn:aws:sso::1:application/a/b", grant: .jwtBearer(assertion: "secret.jwt.value"))
                    Issue.record("no error")
                } catch let error as AWSError {
                    #expect(error.code == "InvalidGrantException")
                    #expect(error.userMessage.contains("issuer, audience, expiry"))
                    #expect(!error.userMessage.contains("secret.jwt.value"))
                }
            }
        }
    }
}
