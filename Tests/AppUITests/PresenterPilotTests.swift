import Accessor
import AppCore
import AppUI
import Assistant
import Foundation
import Terminal
import Testing

/// The flow view and presenter mode, driven as a presenter would in a workshop.
@MainActor
@Suite("Pilot: the flow view and presenter mode")
struct PresenterPilotTests {
    static let size = Size(width: 120, height: 40)
    static let secrets = [PresenterGateway.signatureSecret, PresenterGateway.identityContext, PresenterGateway.accessToken,
                          PresenterGateway.sessionToken, PresenterGateway.idToken, PresenterGateway.identityCenterToken]

    func pilot(presenter: Bool, failing: ExchangeStep? = nil, model: Bool = false) -> (Pilot, FakeServices) {
        let fakes = FakeServices()
        var state = PilotFixtures.state(modelName: model ? "fake-model" : nil)
        state.flow.presenter = presenter
        let services = AppServices(identity: fakes, gateway: PresenterGateway(fakes: fakes, failing: failing), system: fakes,
                                   model: model ? FakeModel() : nil, history: fakes)
        return (Pilot(size: Self.size, state: state, services: services), fakes)
    }

    func expectNoSecret(_ screen: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in Self.secrets {
            #expect(!screen.contains(secret), "a secret reached the screen", sourceLocation: sourceLocation)
        }
    }

    @Test func presenterModeHoldsEachExchangeStepUntilSpace() async throws {
        let (pilot, fakes) = pilot(presenter: true)
        await pilot.start()
        await pilot.press(.enter)  // sign in as ana
        #expect(pilot.state.screen == .tenantPicker)
        await pilot.press(.enter)  // connect: the flow view opens, step 1 waits
        #expect(pilot.state.flow.isShown)
        #expect(pilot.state.flow.entries.map(\.title) == ["Sign in at the ISV identity provider", "AssumeRole with the tenant tag"])
        #expect(pilot.state.flow.entries.last?.status == .waiting)
        #expect(pilot.state.tenant == nil)
        for party in ["qseek", "ISV identity provider", "STS", "IAM Identity Center", "Amazon Q Business", "Model"] {
            #expect(pilot.screen.contains(party), "the diagram names \(party)")
        }
        #expect(pilot.screen.contains("Not sent yet. Space sends it"))
        #expect(pilot.screen.contains("qbusiness-dataaccessor:ExternalId = T0123ACME"))

        await pilot.type(" ")
        // `#require`: indexing an array shorter than expected would crash the whole test process.
        try #require(pilot.state.flow.entries.count == 3)
        #expect(pilot.state.flow.entries[1].status == .succeeded)
        #expect(pilot.state.flow.entries[2].status == .waiting)
        #expect(pilot.screen.contains("CreateTokenWithIAM"))
        #expect(pilot.screen.contains("urn:ietf:params:oauth:grant-type:jwt-bearer"))
        // The ID token it will send, decoded like jwt.io: header and claims, the signature redacted.
        #expect(pilot.screen.contains("alg: RS256"))
        #expect(pilot.screen.contains("email: ana@acme.example"))
        #expect(pilot.screen.contains("iss: http://127.0.0.1:8080/idp"))
        #expect(pilot.screen.contains("signature (redacted, \(PresenterGateway.signatureSecret.count) chars)"))
        expectNoSecret(pilot.screen)

        await pilot.type(" ")
        #expect(pilot.screen.contains("identity context claim present: \(PresenterGateway.identityContext.count) chars, redacted"))
        #expect(pilot.screen.contains("sts:identity_context: present, (redacted,"))
        expectNoSecret(pilot.screen)
        #expect(pilot.state.flow.entries.last?.title == "AssumeRole with the identity context")
        await pilot.type(" ")
        #expect(pilot.state.tenant?.id == "T0123ACME")
        #expect(pilot.state.flow.entries.allSatisfy { $0.status == .succeeded })
        #expect(fakes.record.withLock { $0.exchanges } == ["T0123ACME"])
        #expect(pilot.screen.contains("Assumed-role ARN"))
        expectNoSecret(pilot.screen)

        // F4 closes the view over the main screen; the record stays.
        await pilot.press(.function(4))
        #expect(!pilot.state.flow.isShown)
        #expect(pilot.state.screen == .main)
    }

    @Test func escapeRunsTheRemainingStepsAtOnce() async {
        let (pilot, _) = pilot(presenter: true)
        await pilot.start()
        await pilot.press(.enter)
        await pilot.press(.enter)
        await pilot.type(" ")
        #expect(pilot.state.flow.entries.last?.status == .waiting)
        await pilot.press(.escape)
        #expect(await pilot.waitUntil { $0.tenant != nil })
        await pilot.settle()
        #expect(pilot.state.flow.entries.count == 4)
        #expect(!pilot.state.flow.stepsThrough)
        #expect(pilot.state.flow.isShown)
        #expect(await pilot.program.effects.tasksInFlight == 0)
    }

    @Test func aFailedStepStaysOnScreenWithItsCauseAndFix() async {
        let (pilot, _) = pilot(presenter: true, failing: .exchangeToken)
        await pilot.start()
        await pilot.press(.enter)
        await pilot.press(.enter)
        await pilot.type(" ")
        await pilot.type(" ")
        #expect(pilot.state.flow.isShown)
        let failed = pilot.state.flow.selected
        #expect(failed?.failure != nil)
        #expect(pilot.screen.contains("✗ failed"))
        #expect(pilot.screen.contains("sso-oidc is throttling requests"))
        #expect(pilot.screen.contains("Fix: AWS throttled the call"))
        #expect(pilot.screen.contains("2 retries"))
        #expect(pilot.state.tenant == nil)
        #expect(await pilot.program.effects.tasksInFlight == 0)
    }

    @Test func withoutPresenterModeF4ShowsTheWholeSessionIncludingSearchPagesAndTheModel() async {
        let (pilot, _) = pilot(presenter: false, model: true)
        await pilot.signInAndConnect()
        #expect(!pilot.state.flow.isShown)
        await pilot.ask("incident response")
        await pilot.press(.function(4))
        #expect(pilot.state.flow.isShown)
        #expect(pilot.state.flow.entries.map(\.title) == [
            "Sign in at the ISV identity provider", "AssumeRole with the tenant tag",
            "CreateTokenWithIAM: the ID token for an Identity Center token", "AssumeRole with the identity context",
            "SearchRelevantContent, page 1", "Model call (streamed answer)",
        ])
        await pilot.press(.up)
        #expect(pilot.screen.contains("SearchRelevantContent at qbusiness.us-east-1.api.aws · region us-east-1"))
        #expect(pilot.screen.contains("Query"))
        #expect(pilot.screen.contains("incident response"))
        #expect(pilot.screen.contains("Passages"))
        // Space does nothing to the passages under the view; it says what it is for.
        await pilot.type(" ")
        #expect(pilot.state.passages.excluded.isEmpty)
        expectNoSecret(pilot.screen)
        await pilot.press(.escape)
        #expect(!pilot.state.flow.isShown)
    }

    @Test func theFlowViewFitsAHundredByThirty() async {
        let (pilot, _) = pilot(presenter: true)
        await pilot.resize(to: Size(width: 100, height: 30))
        await pilot.start()
        await pilot.press(.enter)
        await pilot.press(.enter)
        await pilot.type(" ")
        let rows = pilot.screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count <= 30)
        #expect(pilot.screen.contains("CreateTokenWithIAM"))
        #expect(pilot.screen.contains("email: ana@acme.example"))
    }

    /// `z` docks the flow view beside the screen it explains (the tenant picker, here), so the
    /// room sees both; `z` again fills the screen with it. Narrow terminals dock it below.
    @Test(arguments: [Size(width: 120, height: 40), Size(width: 100, height: 30)])
    func zDocksTheFlowViewBesideTheScreenAndBack(size: Size) async {
        let (pilot, _) = pilot(presenter: true)
        await pilot.resize(to: size)
        await pilot.start()
        await pilot.press(.enter)
        await pilot.press(.enter)  // the exchange's first step waits
        #expect(pilot.state.flow.isZoomed)
        #expect(!pilot.screen.contains("Choose a tenant"), "zoomed, the flow view covers the picker")

        await pilot.type("z")
        #expect(!pilot.state.flow.isZoomed)
        let docked = pilot.screen
        #expect(docked.contains("Choose a tenant"), "docked, the picker stays in view")
        #expect(docked.contains("Flow · the TTI exchange"))
        #expect(docked.contains("AssumeRole with the tenant tag"))
        let rows = docked.split(separator: "\n", omittingEmptySubsequences: false)
        if size.width >= 120 {
            // Beside: the picker's rows start on the left, the flow's box on the right.
            let titleRow = rows.first { $0.contains("Flow · the TTI exchange") } ?? ""
            #expect(titleRow.distance(from: titleRow.startIndex, to: titleRow.firstRange(of: "Flow")!.lowerBound) >= size.width * 2 / 5)
        } else {
            // Below: the flow's box starts under the picker.
            let flowRow = rows.firstIndex { $0.contains("Flow · the TTI exchange") } ?? 0
            let pickerRow = rows.firstIndex { $0.contains("Choose a tenant") } ?? Int.max
            #expect(pickerRow < flowRow)
        }

        // Docked, the flow still has the keys: Space sends the waiting step.
        await pilot.type(" ")
        #expect(pilot.state.flow.entries.count == 3)
        expectNoSecret(pilot.screen)

        await pilot.type("z")
        #expect(pilot.state.flow.isZoomed)
        #expect(!pilot.screen.contains("Choose a tenant"))
    }
}
