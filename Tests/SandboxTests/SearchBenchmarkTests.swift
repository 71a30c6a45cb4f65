import Foundation
import Testing
@testable import Sandbox

/// Prints the median server-side search time over 10,000 documents. It measures; it does not
/// assert a time (QUALITY.md: performance is measured with a benchmark, never a timed test).
@Suite struct SearchBenchmarkTests {
    @Test func searchOverTenThousandDocumentsReportsItsMedianTime() throws {
        let corpus = try CorpusLoader.bundled()
        var tenant = corpus.tenants[0]
        let seeds = tenant.documents
        var generator = SplitMix64(seed: 7)
        let fillers = ["quarterly", "warehouse", "latency", "onboarding", "supplier", "audit", "kubernetes", "invoice", "safety", "budget"]
        tenant.documents = (0..<10_000).map { index in
            var document = seeds[index % seeds.count]
            document.id += "-\(index)"
            document.body += "\n\nNote \(index): " + (0..<12).map { _ in fillers[Int.random(in: 0..<fillers.count, using: &generator)] }.joined(separator: " ")
            return document
        }
        let built = ContinuousClock.now
        let environment = SandboxEnvironment(corpus: Corpus(accountID: corpus.accountID, dataAccessorRoleARN: corpus.dataAccessorRoleARN,
                                                            clientID: corpus.clientID, users: corpus.users, tenants: [tenant]),
                                             options: SandboxOptions())
        let buildTime = built.duration(to: .now)
        let queries = ["database failover", "parental leave policy", "incident root cause latency", "supplier audit budget",
                       "kubernetes certificate rotation", "expense reimbursement receipts", "quarterly invoice", "safety onboarding"]
        var samples: [Duration] = []
        var results = 0
        for round in 0..<25 {
            for query in queries {
                let start = ContinuousClock.now
                let page = environment.search(tenant: tenant, email: "dmitri@acme.example", groups: ["all-staff", "engineering", "security"],
                                              query: query, filter: nil, offset: round % 3 * 10, limit: 10)
                samples.append(start.duration(to: .now))
                results += page.items.count
            }
        }
        samples.sort()
        let median = samples[samples.count / 2]
        print("sandbox search benchmark: 10000 documents, \(samples.count) searches, median \(median), p90 \(samples[samples.count * 9 / 10]), index built in \(buildTime)")
        #expect(results > 0)
    }
}
