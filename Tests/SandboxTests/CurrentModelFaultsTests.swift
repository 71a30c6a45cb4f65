import AWS
import Foundation
import enum HTTP.JSONValue
import Testing
@testable import Sandbox

/// The sandbox produces every error the current models define (issue #20), and qseek's own
/// clients receive each as the typed error their words are built on.
@Suite struct CurrentModelFaultsTests {
    static let client = QseekAWSClientTests()

    func sandbox<T>(_ faults: String, _ body: (SandboxHTTP) async throws -> T) async throws -> T {
        var options = SandboxOptions()
        options.faults = try FaultPlan.parse(faults)
        return try await withSandbox(options, body)
    }

    @Test func everyScriptedFaultParsesAndABadValueIsRefused() throws {
        let plan = try FaultPlan.parse("idc-error=kms-disabled,qbusiness-error=license-not-found,identity-context-lifetime=0s,"
            + "model-stream-error=throttling,model-stop=guardrail_intervened,model-reasoning=on")
        #expect(plan.scripted.identityCenterError == .kmsDisabled)
        #expect(plan.scripted.searchError == .licenseNotFound)
        #expect(plan.scripted.identityContextLifetime == 0)
        #expect(plan.scripted.streamError == .throttling)
        #expect(plan.scripted.stopReason == "guardrail_intervened")
        #expect(plan.scripted.reasoning)
        #expect(!plan.touchesRequests)
        for bad in ["idc-error=kms", "model-stop=tired", "model-stream-error=oops", "model-reasoning=yes", "qbusiness-error=x"] {
            #expect(throws: FaultPlan.ParseError.self) { try FaultPlan.parse(bad) }
        }
    }

    @Test func theThrottleFaultAnswersCreateTokenWithIAMWithSlowDown() async throws {
        try await sandbox("throttle=1") { http in
            let tenant = http.sandbox.corpus.tenants[0]
            let oidc = SSOOIDC(client: try Self.client.client(.ssoOIDC, http.sandbox, region: tenant.idcRegion, credentials: SandboxHTTP.baseKey))
            do {
                _ = try await oidc.createTokenWithIAM(clientID: tenant.idcApplicationARN, grant: .jwtBearer(assertion: "x"))
                Issue.record("no throttling")
            } catch let error as AWSError {
                #expect(error.code == "SlowDownException")
                #expect(error.statusCode == 400)
                #expect(error.isThrottling && error.isRetryable)
            }
        }
    }

    func tokenError(_ fault: String) async throws -> AWSError? {
        try await sandbox("idc-error=\(fault)") { http in
            let tenant = http.sandbox.corpus.tenants[0]
            let flow = TTIFlow(http: http)
            let idToken = try await flow.idToken(for: "alice@acme.example")
            let credentials = try await flow.assumeRole(tenant: tenant.id)
            let oidc = SSOOIDC(client: try Self.client.client(.ssoOIDC, http.sandbox, region: tenant.idcRegion, credentials: credentials))
            do {
                _ = try await oidc.createTokenWithIAM(clientID: tenant.idcApplicationARN, grant: .jwtBearer(assertion: idToken))
                return nil
            } catch let error as AWSError {
                return error
            }
        }
    }

    @Test(arguments: ScriptedFaults.IdentityCenterError.allCases)
    func identityCenterErrorsArriveTypedAndWorded(_ fault: ScriptedFaults.IdentityCenterError) async throws {
        let error = try #require(try await tokenError(fault.rawValue))
        #expect(error.code == fault.shape.type)
        #expect(error.reason == fault.shape.reason)
        #expect(!error.isRetryable)
        #expect(!error.userMessage.contains("answered \(error.code)"), "fell through to the generic words: \(error.userMessage)")
        if fault.shape.reason != nil { #expect(error.kmsProblem != nil) }
    }

    @Test func aUserWithoutASubscriptionIsLicenseNotFound() async throws {
        try await sandbox("qbusiness-error=license-not-found") { http in
            let tenant = http.sandbox.corpus.tenants[0]
            let credentials = try await TTIFlow(http: http).identityAwareCredentials(email: "alice@acme.example", tenant: tenant)
            let q = QBusiness(client: try Self.client.client(.qbusiness, http.sandbox, region: tenant.region, credentials: credentials))
            do {
                _ = try await q.searchRelevantContent(SearchRelevantContentRequest(applicationID: tenant.applicationID, queryText: "leave",
                                                                                   retrieverID: tenant.retrieverID))
                Issue.record("no license error")
            } catch let error as AWSError {
                #expect(error.code == "LicenseNotFoundException")
                #expect(error.userMessage.contains("subscription"))
            }
        }
    }

    @Test func aWrongRetrieverIsNamedByResourceType() async throws {
        try await withSandbox { http in
            let tenant = http.sandbox.corpus.tenants[0]
            let credentials = try await TTIFlow(http: http).identityAwareCredentials(email: "alice@acme.example", tenant: tenant)
            let q = QBusiness(client: try Self.client.client(.qbusiness, http.sandbox, region: tenant.region, credentials: credentials))
            do {
                _ = try await q.searchRelevantContent(SearchRelevantContentRequest(applicationID: tenant.applicationID, queryText: "leave",
                                                                                   retrieverID: String(repeating: "0", count: 36)))
                Issue.record("an unknown retriever was accepted")
            } catch let error as AWSError {
                #expect(error.resourceType == "Retriever")
                #expect(error.notFoundResource == .retriever)
            }
        }
    }

    @Test func anExpiredIdentityContextIsExpiredTokenExceptionBlamingTheContext() async throws {
        try await sandbox("identity-context-lifetime=0s") { http in
            let tenant = http.sandbox.corpus.tenants[0]
            let flow = TTIFlow(http: http)
            let context = try await flow.identityContext(tenant: tenant, idToken: try await flow.idToken(for: "alice@acme.example"),
                                                         credentials: try await flow.assumeRole(tenant: tenant.id))
            let sts = STS(client: try Self.client.client(.sts, http.sandbox, region: "us-east-1", credentials: SandboxHTTP.baseKey))
            do {
                _ = try await sts.assumeRole(roleARN: http.sandbox.corpus.dataAccessorRoleARN, sessionName: "qseek-alice", duration: 900,
                                             tags: [SessionTag(key: "qbusiness-dataaccessor:ExternalId", value: tenant.id)],
                                             providedContexts: [ProvidedContext(contextAssertion: context)])
                Issue.record("an expired context was accepted")
            } catch let error as AWSError {
                #expect(error.code == "ExpiredTokenException")
                #expect(error.userMessage.contains("identity context"))
                #expect(!error.userMessage.contains("ISV's own AWS credentials"))
            }
        }
    }

    func stream(_ faults: String, _ messages: [ConversationMessage], guardrail: GuardrailConfiguration? = nil)
        async throws -> (events: [ConverseStreamEvent], error: AWSError?) {
        try await sandbox(faults) { http in
            let bedrock = BedrockRuntime(client: try Self.client.client(.bedrockRuntime, http.sandbox, region: "us-east-1",
                                                                        credentials: SandboxHTTP.baseKey))
            var events: [ConverseStreamEvent] = []
            do {
                for try await event in try await bedrock.converseStream(ConverseStreamRequest(
                    modelID: DemoCredentials.extractiveModelID, messages: messages, guardrailConfig: guardrail, serviceTier: .flex)) {
                    events.append(event)
                }
                return (events, nil)
            } catch let error as AWSError {
                return (events, error)
            }
        }
    }

    static let prompt = [ConversationMessage(role: .user, text: """
        [1] Failover runbook <https://wiki.example/failover>
        Database failover starts with promoting the replica. Then the writer endpoint moves.

        Question: how does database failover start?
        """)]

    @Test(arguments: ScriptedFaults.StreamError.allCases)
    func inStreamExceptionsFollowPartOfTheAnswer(_ fault: ScriptedFaults.StreamError) async throws {
        let (events, error) = try await stream("model-stream-error=\(fault.rawValue)", Self.prompt)
        let failure = try #require(error)
        #expect(failure.code.lowercased() == fault.event.type.lowercased())
        #expect(failure.statusCode == nil)
        #expect(events.contains { if case .contentBlockDelta = $0 { true } else { false } })
        #expect(!events.contains { if case .messageStop = $0 { true } else { false } })
        if fault == .modelStreamError {
            #expect(failure.originalStatusCode == 529 && failure.originalMessage == "Overloaded")
        }
    }

    @Test(arguments: ["model_context_window_exceeded", "guardrail_intervened", "content_filtered", "malformed_model_output"])
    func theStopFaultSetsTheStopReason(_ reason: String) async throws {
        let (events, error) = try await stream("model-stop=\(reason)", Self.prompt,
                                               guardrail: GuardrailConfiguration(identifier: "gr1", version: "DRAFT"))
        #expect(error == nil)
        #expect(events.contains(.messageStop(stopReason: reason)))
    }

    @Test func reasoningComesInABlockOfItsOwnBeforeTheAnswer() async throws {
        let (events, _) = try await stream("model-reasoning=on", Self.prompt)
        let reasoning = events.compactMap { if case .reasoningDelta(let index, _) = $0 { index } else { nil } }
        let text = events.compactMap { if case .contentBlockDelta(let index, _) = $0 { index } else { nil } }
        #expect(!reasoning.isEmpty && Set(reasoning) == [0])
        #expect(!text.isEmpty && Set(text) == [1])
    }

    @Test func searchResultsWithCitationsAreCitedNatively() async throws {
        let message = ConversationMessage(role: .user, text: "Answer from the search results.\n\nQuestion: how does database failover start?",
                                          searchResults: [
                                              SearchResultBlock(source: "https://wiki.example/lunch", title: "Canteen", content: ["Lunch is at noon."]),
                                              SearchResultBlock(source: "https://wiki.example/failover", title: "Failover runbook",
                                                                content: ["Database failover starts with promoting the replica."]),
                                          ])
        let (events, error) = try await stream("", [message])
        #expect(error == nil)
        let text = events.compactMap { if case .contentBlockDelta(_, let text) = $0 { text } else { nil } }.joined()
        let citations = events.compactMap { if case .citationDelta(_, let citation) = $0 { citation } else { nil } }
        #expect(text.contains("promoting the replica"))
        #expect(Markers.markers(text).isEmpty, "native answers carry no [n] in the text: \(text)")
        let first = try #require(citations.first)
        #expect(first.searchResultIndex == 1)
        #expect(first.source == "https://wiki.example/failover")
        #expect(first.sourceText == ["Database failover starts with promoting the replica."])
    }

    @Test(arguments: [
        #"{"guardrailIdentifier":"Not Valid","guardrailVersion":"1"}"#, #"{"guardrailIdentifier":"gr1","guardrailVersion":"v1"}"#,
    ])
    func aMalformedGuardrailOrServiceTierIsAValidationException(_ guardrail: String) async throws {
        try await withSandbox { http in
            let extras: [(String, JSONValue)] = [("guardrailConfig", try #require(JSONValue.parse(Array(guardrail.utf8)))),
                                                 ("serviceTier", ["type": "turbo"])]
            for extra in extras {
                var body: [String: JSONValue] = ["messages": [["role": "user", "content": [["text": "hi"]]]]]
                body[extra.0] = extra.1
                let reply = try await http.json("/bedrock-runtime/model/\(DemoCredentials.extractiveModelID)/converse-stream",
                                                 service: "bedrock", region: "us-east-1", credentials: SandboxHTTP.baseKey, .object(body))
                #expect(reply.status == 400)
                #expect(reply.header("x-amzn-ErrorType") == "ValidationException")
            }
        }
    }
}

/// `[n]` markers in text (the sandbox tests do not link the Assistant module).
private enum Markers {
    static func markers(_ text: String) -> [Int] {
        var found: [Int] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            if let number = Int(rest[rest.index(after: open)..<close]) { found.append(number) }
            rest = rest[rest.index(after: open)...]
        }
        return found
    }
}
