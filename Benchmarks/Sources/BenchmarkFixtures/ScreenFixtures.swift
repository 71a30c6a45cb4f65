import Accessor
import AppCore
import AppUI
import Foundation
import Terminal

/// App states for the TUI benchmarks, built through `update` as the app builds them.
public enum ScreenFixtures {
    public static let now = Date(timeIntervalSince1970: 1_800_000_000)
    public static let size = Size(width: 200, height: 60)

    static let tenant = Tenant(id: "T0123ACME", name: "Acme Cloud", applicationID: String(repeating: "a", count: 36),
                               retrieverID: String(repeating: "r", count: 36), region: "us-east-1", idcRegion: "us-east-1",
                               idcApplicationARN: "arn:aws:sso::111122223333:application/ssoins-1/apl-acme")

    public static func passages(count: Int) -> [Passage] {
        let titles = ["Travel and expense policy 2024", "出張規程 (travel rules, Japan)", "Key rotation runbook 🔑",
                      "Security FAQ", "Onboarding checklist", "Quarterly planning handbook"]
        let confidences: [Confidence] = [.veryHigh, .high, .medium, .low]
        return (1...count).map { rank in
            Passage(rank: rank, documentID: "doc-\(rank)", title: "\(titles[(rank - 1) % titles.count]) #\(rank)",
                    uri: "https://wiki.acme.example/policies/\(rank)",
                    content: String(repeating: "Employees book travel through the portal at least 14 days ahead. ", count: 8),
                    confidence: confidences[rank % confidences.count],
                    attributes: [DocumentAttribute(name: "_category", value: .string("policy"))])
        }
    }

    /// Signed in, tenant chosen, one question asked, `count` passages arrived, passages pane
    /// focused with the selection in the middle of the list.
    public static func main(passages count: Int) -> AppState {
        var state = AppState(tenants: [tenant],
                             signInOptions: SignInOptions(issuer: "http://127.0.0.1:41234/idp", clientID: "qseek-demo", offersDevice: false),
                             now: now)
        _ = update(&state, .signedIn(UserIdentity(subject: "u-ana", email: "ana@acme.example", name: "Ana Ruiz")))
        _ = update(&state, .confirm)
        _ = update(&state, .exchangeSucceeded(tenantID: tenant.id, expiresAt: now.addingTimeInterval(845)))
        _ = update(&state, .typeText("What is the travel policy?"))
        let effects = update(&state, .confirm)
        if case let .search(_, id)? = effects.last {
            _ = update(&state, .passagesArrived(page: passages(count: count), isLast: true, query: id))
        }
        _ = update(&state, .focus(.passages))
        for _ in 0..<(count / 2) { _ = update(&state, .selectNext) }
        return state
    }

    public static var theme: Theme { ThemeCatalog.builtin.theme(named: "midnight").theme }

    public static func render(_ state: AppState, theme: Theme) -> Canvas {
        var canvas = Canvas(size: size)
        AppView(state: state, theme: theme).draw(into: &canvas)
        return canvas
    }
}
