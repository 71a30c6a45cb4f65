import Diagnostics
import LiveServices
import Testing
@testable import qseek

/// `qseek doctor`'s text lines: one mark per step, cause and fix indented below a failure.
@Suite("qseek doctor output")
struct DoctorOutputTests {
    @Test func theTextLinesMarkEachStepAndIndentCauseAndFix() {
        let ok = Doctor.lines(for: .ok("jwks", "IdP signing keys (JWKS) fetchable", "1 key"))
        #expect(ok == "✓ IdP signing keys (JWKS) fetchable — 1 key\n")
        let failed = Doctor.lines(for: .failed("search", "SearchRelevantContent with a probe query", tenant: "T1",
                                               Diagnosis(cause: "no such application", fix: "Check it.", CommandFailure.aws)))
        #expect(failed == "✗ SearchRelevantContent with a probe query [T1]\n    cause: no such application\n    fix:   Check it.\n")
    }

    @Test func aSkippedStepIsNotMarkedAsPassed() {
        let line = Doctor.lines(for: .skipped("search", "SearchRelevantContent with a probe query", tenant: "T1", "needs the step before"))
        #expect(line == "– SearchRelevantContent with a probe query [T1] — skipped — needs the step before\n")
    }
}
