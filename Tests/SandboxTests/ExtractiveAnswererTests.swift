import Sandbox
import Testing

/// The sandbox's extractive model picks sentences, so what it picks is the whole answer.
@Suite("The extractive demo model's sentence selection")
struct ExtractiveAnswererTests {
    func body(_ answer: String) -> String {
        String(answer.dropFirst(ExtractiveAnswerer.preamble.count)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func prefersSentencesThatShareMoreOfTheQuestionsWords() {
        let prompt = """
            [1] The process owner signs off every quarter. Our incident response process starts with paging the on-call engineer.
            [2] Response times are in the SLA.

            Question: What is our incident response process?
            """
        let answer = body(ExtractiveAnswerer.answer(prompt: prompt))
        #expect(answer.hasPrefix("Our incident response process starts with paging the on-call engineer. [1]"))
        #expect(!answer.contains("SLA"), "one shared word is not enough")
    }

    @Test func neverQuotesTheSameSentenceTwice() {
        let prompt = """
            [1] Page the incident commander within five minutes. Incident response ends with a review.
            [2] Page the incident commander within five minutes.
            [3] page the  incident commander within five minutes!

            Question: who do I page in incident response, the incident commander?
            """
        let answer = body(ExtractiveAnswerer.answer(prompt: prompt))
        #expect(answer.components(separatedBy: "within five minutes").count == 2, "\(answer)")
    }

    @Test func saysWhenTwoPassagesGiveDifferentFiguresForOneFact() {
        let prompt = """
            [1] Every incident gets a blameless postmortem within 5 business days.
            [2] Every incident gets a blameless postmortem within 10 business days.

            Question: when is the incident postmortem due?
            """
        let answer = ExtractiveAnswerer.answer(prompt: prompt)
        #expect(answer.contains("[1]") && answer.contains("[2]"))
        #expect(answer.contains("Note: [1] and [2] give different figures for the same thing (5 against 10)"))
    }

    @Test func agreeingPassagesAreNotFlagged() {
        let prompt = """
            [1] Every incident gets a blameless postmortem within 5 business days.
            [2] Discount approvals above 25 percent go to the VP of sales within 2 business days.

            Question: incident postmortem business days discount approvals?
            """
        #expect(!ExtractiveAnswerer.answer(prompt: prompt).contains("Note:"))
    }

    @Test func saysThePassagesDoNotAnswerWhenNothingMatches() {
        let prompt = """
            [1] The cafeteria opens at eight. Lunch is served until two.
            [2] Parking permits renew every January.

            Question: What is our incident response process?
            """
        let answer = body(ExtractiveAnswerer.answer(prompt: prompt))
        #expect(answer.hasPrefix("The passages do not answer this question"))
        #expect(!answer.contains("["))
    }
}
