import Accessor
import Foundation
@testable import AppCore

extension Tenant {
    static let acme = Tenant(id: "T0123ACME", name: "Acme Corp", applicationID: String(repeating: "a", count: 36),
                             retrieverID: String(repeating: "r", count: 36), region: "us-east-1", idcRegion: "us-east-1",
                             idcApplicationARN: "arn:aws:sso::111122223333:application/ssoins-1/apl-acme")
    static let globex = Tenant(id: "T0456GLOBEX", name: "Globex", applicationID: String(repeating: "b", count: 36),
                               retrieverID: String(repeating: "s", count: 36), region: "eu-west-1", idcRegion: "eu-west-1",
                               idcApplicationARN: "arn:aws:sso::111122223333:application/ssoins-2/apl-globex")
}

extension Passage {
    static func sample(_ rank: Int, title: String? = nil) -> Passage {
        Passage(rank: rank, documentID: "doc-\(rank)", title: title ?? "Document \(rank)", uri: "https://wiki.example.com/\(rank)",
                content: "Passage \(rank) says something about travel.", confidence: .high)
    }
}

extension AppState {
    static let epoch = Date(timeIntervalSince1970: 1_800_000_000)

    static func fresh(demoUsers: [String] = ["ana@acme.example", "ben@acme.example"]) -> AppState {
        AppState(tenants: [.acme, .globex],
                 signInOptions: SignInOptions(issuer: "http://127.0.0.1:8080/idp", clientID: "qseek-demo",
                                              offersDevice: true, demoUsers: demoUsers),
                 now: epoch)
    }

    /// Signed in as Ana, tenant Acme chosen and exchanged.
    static func signedIn(tenant: Tenant = .acme) -> AppState {
        var state = AppState.fresh()
        _ = update(&state, .signedIn(UserIdentity(subject: "u-ana", email: "ana@acme.example", name: "Ana")))
        state.tenantPicker.selection = state.tenantPicker.available.firstIndex(of: tenant) ?? 0
        _ = update(&state, .confirm)
        _ = update(&state, .exchangeSucceeded(tenantID: tenant.id, expiresAt: epoch.addingTimeInterval(900)))
        return state
    }

    /// Types `text` into the input line and presses Enter; returns the effects.
    mutating func ask(_ text: String) -> [Effect] {
        _ = update(&self, .typeText(text))
        return update(&self, .confirm)
    }
}

extension [Effect] {
    var searchID: QueryID? {
        for effect in self { if case let .search(_, id) = effect { return id } }
        return nil
    }

    var searchQuery: PassageQuery? {
        for effect in self { if case let .search(query, _) = effect { return query } }
        return nil
    }
}

extension Action {
    /// The exchange reports `step` done for `tenantID`.
    static func stepDone(_ step: ExchangeStep, tenantID: String) -> Action {
        .exchangeStepEnded(ExchangeStepReport(step: step, tenantID: tenantID, outcome: .succeeded(credentialsExpiry: nil), latency: .zero))
    }
}
