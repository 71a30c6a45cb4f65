import AWS
import Foundation
import Testing
@testable import Sandbox

/// qseek's own AWS clients (the AWS module) against the sandbox: the code path that talks to
/// real AWS, with nothing but endpoint overrides changed.
@Suite struct QseekAWSClientTests {
    static let transport = AsyncHTTPTransport()

    func client(_ service: AWSService, _ sandbox: RunningSandbox, region: String, credentials: Credentials) throws -> AWSServiceClient {
        let base: String
        switch service {
        case .sts: base = sandbox.endpoints.sts
        case .ssoOIDC: base = sandbox.endpoints.ssoOIDC
        case .qbusiness: base = sandbox.endpoints.qbusiness
        case .bedrockRuntime: base = sandbox.endpoints.bedrockRuntime
        }
        return AWSServiceClient(service: service, region: region, endpoint: try Endpoint(url: base),
                                credentials: StaticCredentialsProvider(credentials), transport: Self.transport,
                                retry: RetryStrategy(maxAttempts: 1))
    }

    @Test func theAWSModuleRunsTheWholeExchangeAndStreamsAnAnswer() async throws {
        try await withSandbox { http in
            let sandbox = http.sandbox
            let tenant = sandbox.corpus.tenants[1]
            let idToken = try await TTIFlow(http: http).idToken(for: "erin@northwind.example")
            let tag = SessionTag(key: "qbusiness-dataaccessor:ExternalId", value: tenant.id)
            let sts = STS(client: try client(.sts, sandbox, region: "us-east-1", credentials: SandboxHTTP.baseKey))
            let credentialsA = try await sts.assumeRole(roleARN: sandbox.corpus.dataAccessorRoleARN, sessionName: "qseek-erin",
                                                        duration: 900, tags: [tag])
            let oidc = SSOOIDC(client: try client(.ssoOIDC, sandbox, region: tenant.idcRegion, credentials: credentialsA))
            let token = try await oidc.createTokenWithIAM(clientID: tenant.idcApplicationARN, grant: .jwtBearer(assertion: idToken))
            let context = try #require(token.identityContext)
            #expect(IAMToken.identityContext(fromIDToken: token.idToken ?? "") == context)
            let credentialsB = try await sts.assumeRole(roleARN: sandbox.corpus.dataAccessorRoleARN, sessionName: "qseek-erin",
                                                        duration: 900, tags: [tag],
                                                        providedContexts: [ProvidedContext(contextAssertion: context)])
            let q = QBusiness(client: try client(.qbusiness, sandbox, region: tenant.region, credentials: credentialsB))
            var pages = 0, passages: [RelevantContent] = []
            for try await page in q.searchRelevantContentPages(
                SearchRelevantContentRequest(applicationID: tenant.applicationID, queryText: "first article inspection",
                                             retrieverID: tenant.retrieverID, maxResults: 10), maxPages: 3) {
                pages += 1
                passages += page.relevantContent
            }
            #expect(pages == 3)
            #expect(passages.count == 30)
            #expect(passages.allSatisfy { $0.scoreConfidence != nil && $0.documentURI != nil })

            let prompt = passages.prefix(3).enumerated().map { "[\($0.offset + 1)] \($0.element.content ?? "")" }
                .joined(separator: "\n\n") + "\n\nQuestion: what happens in a first article inspection?"
            let bedrock = BedrockRuntime(client: try client(.bedrockRuntime, sandbox, region: "us-east-1", credentials: SandboxHTTP.baseKey))
            var answer = ""
            for try await event in try await bedrock.converseStream(
                ConverseStreamRequest(modelID: DemoCredentials.extractiveModelID, messages: [ConversationMessage(role: .user, text: prompt)])) {
                if case .contentBlockDelta(_, let text) = event { answer += text }
            }
            #expect(answer.hasPrefix(ExtractiveAnswerer.preamble))
            #expect(answer.contains("[1]") || answer.contains("[2]") || answer.contains("[3]"))
        }
    }

    @Test func theAWSModuleSeesTheSandboxsRefusalsAsTypedErrors() async throws {
        try await withSandbox { http in
            let sandbox = http.sandbox
            let wrong = Credentials(accessKeyID: DemoCredentials.accessKeyID, secretAccessKey: "not-it")
            let sts = STS(client: try client(.sts, sandbox, region: "us-east-1", credentials: wrong))
            do {
                _ = try await sts.getCallerIdentity()
                Issue.record("a wrong secret was accepted")
            } catch let error as AWSError {
                #expect(error.code == "SignatureDoesNotMatch")
            }
        }
    }
}
