import AWS
import Accessor
import AppCore
import Assistant
import Foundation
import History

/// App states for the screen snapshots, built through `update` as the app would build them.
enum ScreenFixtures {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static let tenants = [
        Tenant(id: "T0123ACME", name: "Acme Cloud", applicationID: String(repeating: "a", count: 36),
               retrieverID: String(repeating: "r", count: 36), region: "us-east-1", idcRegion: "us-east-1",
               idcApplicationARN: "arn:aws:sso::111122223333:application/ssoins-1/apl-acme"),
        Tenant(id: "T0456NORTH", name: "Northwind Manufacturing", applicationID: String(repeating: "b", count: 36),
               retrieverID: String(repeating: "s", count: 36), region: "eu-west-1", idcRegion: "eu-central-1",
               idcApplicationARN: "arn:aws:sso::111122223333:application/ssoins-2/apl-north"),
    ]

    static func signIn() -> AppState {
        AppState(tenants: tenants,
                 signInOptions: SignInOptions(issuer: "http://127.0.0.1:41234/idp", clientID: "qseek-demo", offersDevice: true,
                                              demoUsers: ["ana@acme.example", "ben@acme.example", "kai@northwind.example"]),
                 now: now)
    }

    static func deviceCode() -> AppState {
        var state = signIn()
        state.signIn.selection = state.signIn.choices.count - 1
        _ = update(&state, .confirm)
        _ = update(&state, .signInProgressed(.showDeviceCode(userCode: "WDJB-MJHT", verificationURL: "http://127.0.0.1:41234/idp/device")))
        return state
    }

    static func tenantPicker(failing: Bool = false) -> AppState {
        var state = signIn()
        _ = update(&state, .signedIn(UserIdentity(subject: "u-ana", email: "ana@acme.example", name: "Ana Ruiz")))
        _ = update(&state, .confirm)
        _ = update(&state, .stepDone(.assumeRole, tenantID: "T0123ACME"))
        if failing {
            let refused = AWSError(service: "sso-oauth", code: "invalid_grant",
                                   message: "check the trusted token issuer's issuer URL, audience and the email mapping.")
            _ = update(&state, .exchangeFailed(.exchange(step: .exchangeToken, cause: .aws(refused)), tenantID: "T0123ACME"))
        }
        return state
    }

    /// An auth-code tenant whose Identity Center sign-in is out in the browser, over SSH.
    static func identityCenterSignInOverSSH() -> AppState {
        let initech = Tenant(id: "T0789INITECH", name: "Initech", applicationID: String(repeating: "c", count: 36),
                             retrieverID: String(repeating: "t", count: 36), region: "us-east-1", idcRegion: "us-east-2",
                             idcApplicationARN: "arn:aws:sso::111122223333:application/ssoins-3/apl-initech",
                             authentication: .identityCenterAuthCode(redirectURI: "http://127.0.0.1:47311/callback"))
        var state = AppState(tenants: [initech] + tenants,
                             signInOptions: SignInOptions(issuer: "http://127.0.0.1:41234/idp", clientID: "qseek-demo", offersDevice: false),
                             now: now)
        state.remoteSession = RemoteSession(isOverSSH: true)
        state.identityCenterSignInNeeded = [initech.id]
        _ = update(&state, .signedIn(UserIdentity(subject: "u-ana", email: "ana@acme.example", name: "Ana Ruiz")))
        _ = update(&state, .confirm)
        _ = update(&state, .stepDone(.assumeRole, tenantID: initech.id))
        _ = update(&state, .identityCenterSignInStarted(
            tenantID: initech.id, url: "https://oidc.us-east-2.amazonaws.com/authorize?response_type=code&client_id=apl-initech&redirect_uri=http%3A%2F%2F127.0.0.1%3A47311%2Fcallback"))
        return state
    }

    static func passages(count: Int, hostile: Bool = false) -> [Passage] {
        (1...count).map { rank in
            let confidence: Confidence = [.veryHigh, .high, .medium, .low][min(3, (rank - 1) / 2)]
            var title = ["Travel and expense policy 2024", "出張規程 (travel rules, Japan)", "Key rotation runbook 🔑",
                         "Security FAQ", "Onboarding checklist", "Old travel memo"][(rank - 1) % 6]
            var content = "Employees book travel through the portal at least 14 days ahead. Economy class applies to flights under six hours; approvals come from the cost-centre owner."
            if hostile && rank == 2 {
                title = "Evil\u{1B}[2J\u{1B}]0;owned\u{07} title\u{9B}31m \u{202E}fdp.exe"
                content = "Body with \u{1B}]52;c;ZXZpbA==\u{07} clipboard write and \u{1B}[31mred\u{1B}[0m text."
            }
            return Passage(rank: rank, documentID: "doc-\(rank)", title: title,
                           uri: "https://wiki.acme.example/policies/\(rank)", content: content, confidence: confidence,
                           attributes: [DocumentAttribute(name: "_category", value: .string("policy"))])
        }
    }

    /// Signed in, tenant chosen, one question asked, `count` passages arrived on one page.
    static func main(count: Int = 5, searching: Bool = false, hostile: Bool = false) -> AppState {
        var state = tenantPicker()
        _ = update(&state, .stepDone(.exchangeToken, tenantID: "T0123ACME"))
        _ = update(&state, .stepDone(.assumeIdentityAwareRole, tenantID: "T0123ACME"))
        _ = update(&state, .exchangeSucceeded(tenantID: "T0123ACME", expiresAt: now.addingTimeInterval(845)))
        state.modelName = "sandbox.extractive-v1"
        _ = update(&state, .typeText("What is the travel policy? @category=policy"))
        let effects = update(&state, .confirm)
        guard case let .search(_, id)? = effects.last else { return state }
        _ = update(&state, .passagesArrived(page: passages(count: count, hostile: hostile), isLast: !searching, query: id))
        return state
    }

    /// The question of `main()` answered by the model, in Markdown with citations; the
    /// second citation selected with `c` in the chat pane.
    static func answered() -> AppState {
        var state = main(count: 3)
        guard let id = state.conversation.current?.queryID else { return state }
        let answer = """
            ## Travel rules

            Book through the **portal** at least 14 days ahead [1]. Economy applies under six hours [1][2].

            - Approvals: the *cost-centre owner* [3]
            - Japan: see `出張規程` [2]

            Unfinished block still streaming [3]
            """
        for piece in answer.split(separator: " ", omittingEmptySubsequences: false) {
            _ = update(&state, .answerEvent(.text(String(piece) + " "), query: id))
        }
        _ = update(&state, .answerEvent(.usage(ModelUsage(inputTokens: 812, outputTokens: 64)), query: id))
        _ = update(&state, .focus(.chat))
        _ = update(&state, .nextCitation)
        _ = update(&state, .nextCitation)
        return state
    }

    /// The same answer, finished, with latency.
    static func answerFinished() -> AppState {
        var state = answered()
        guard let id = state.conversation.current?.queryID else { return state }
        _ = update(&state, .answerEvent(.stopped(reason: "end_turn"), query: id))
        _ = update(&state, .answerEnded(latencyMilliseconds: 1340, query: id))
        return state
    }

    /// The history screen with two past conversations.
    static func history() -> AppState {
        var state = main()
        _ = update(&state, .openHistory)
        _ = update(&state, .historyListed([
            ConversationSummary(id: "1800000000000-2", title: "What is the travel policy?", turnCount: 3, createdAt: now, updatedAt: now),
            ConversationSummary(id: "1799990000000-1", title: "Key rotation runbook 🔑 steps", turnCount: 1,
                                createdAt: now.addingTimeInterval(-10_000), updatedAt: now.addingTimeInterval(-10_000)),
        ]))
        return state
    }
}
