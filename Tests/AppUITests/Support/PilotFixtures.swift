import Accessor
import AppCore
import AppUI
import Foundation
import Terminal

enum PilotFixtures {
    static let acme = Tenant(id: "T0123ACME", name: "Acme Cloud", applicationID: String(repeating: "a", count: 36),
                             retrieverID: String(repeating: "r", count: 36), region: "us-east-1", idcRegion: "us-east-1",
                             idcApplicationARN: "arn:aws:sso::111122223333:application/ssoins-1/apl-acme")
    static let globex = Tenant(id: "T0456GLOBEX", name: "Globex", applicationID: String(repeating: "b", count: 36),
                               retrieverID: String(repeating: "s", count: 36), region: "eu-west-1", idcRegion: "eu-west-1",
                               idcApplicationARN: "arn:aws:sso::111122223333:application/ssoins-2/apl-globex")
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A fresh app at the sign-in screen, two demo users, two tenants.
    static func state(modelName: String? = nil) -> AppState {
        var state = AppState(tenants: [acme, globex],
                             signInOptions: SignInOptions(issuer: "http://127.0.0.1:8080/idp", clientID: "qseek-demo", offersDevice: false,
                                                          demoUsers: ["ana@acme.example", "bob@acme.example"]),
                             now: now)
        state.modelName = modelName
        return state
    }
}

extension Pilot {
    /// Signs in as the highlighted demo user and connects to the first tenant.
    @discardableResult
    func signInAndConnect() async -> Pilot {
        await start()
        await press(.enter)
        await press(.enter)
        return self
    }

    /// Types a question and sends it.
    @discardableResult
    func ask(_ question: String) async -> Pilot {
        await type(question)
        return await press(.enter)
    }
}

extension Action {
    /// The exchange reports `step` done for `tenantID`.
    static func stepDone(_ step: ExchangeStep, tenantID: String) -> Action {
        .exchangeStepEnded(ExchangeStepReport(step: step, tenantID: tenantID, outcome: .succeeded(credentialsExpiry: nil), latency: .zero))
    }
}
