import Testing
@testable import Sandbox

@Suite struct FaultPlanTests {
    @Test func theDocumentedExampleSpecParsesIntoEveryFault() throws {
        let plan = try FaultPlan.parse("throttle=0.2,error=0.05,latency=50ms..400ms,expire-credentials-after=60s,drop=0.01")
        #expect(plan.throttle == 0.2)
        #expect(plan.error == 0.05)
        #expect(plan.drop == 0.01)
        #expect(plan.latency == 50...400)
        #expect(plan.expireCredentialsAfter == 60)
    }

    @Test func aProbabilityOutsideZeroToOneIsRefused() {
        #expect(throws: FaultPlan.ParseError.self) { try FaultPlan.parse("throttle=1.5") }
        #expect(throws: FaultPlan.ParseError.self) { try FaultPlan.parse("jitter=0.1") }
    }

    @Test func aSlowModelOnlyPacesTheAnswerAndInjectsNothingElse() async throws {
        let plan = try FaultPlan.parse("model-pace=300ms")
        #expect(plan.modelPace == 300)
        #expect(throws: FaultPlan.ParseError.self) { try FaultPlan.parse("model-pace=2m") }
        #expect(throws: FaultPlan.ParseError.self) { try FaultPlan.parse("model-pace=fast") }
        let injector = FaultInjector(plan: plan, seed: 3)
        for _ in 0..<20 {
            let next = await injector.next()
            #expect(next.delay == 0 && next.outcome == .serve)
        }
    }

    @Test func theSameSeedMisbehavesTheSameWay() async throws {
        let plan = try FaultPlan.parse("throttle=0.3,error=0.2,drop=0.1,latency=1ms..9ms")
        let first = FaultInjector(plan: plan, seed: 42), second = FaultInjector(plan: plan, seed: 42)
        var a: [String] = [], b: [String] = []
        for _ in 0..<50 {
            let x = await first.next(), y = await second.next()
            a.append("\(x.delay)\(x.outcome)")
            b.append("\(y.delay)\(y.outcome)")
        }
        #expect(a == b)
        #expect(Set(a.map { $0.drop { $0.isNumber } }).count > 2)
    }
}
