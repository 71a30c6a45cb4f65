import Foundation
import Testing
@testable import Sandbox

/// Prints the median server-side search time over 10,000 documents. It measures; it does not
/// assert a time (QUALITY.md: performance is measured with a benchmark, never a timed test);
/// it asserts that what it timed were real searches (relevant, permitted passages).
@Suite struct SearchBenchmarkTests {
    @Test func searchOverTenThousandDocumentsReportsItsMedianTime() async throws {
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
        let groups: Set<String> = ["all-staff", "engineering", "security"]
        let byID = Dictionary(tenant.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var samples: [Duration] = []
        for round in 0..<25 {
            for query in queries {
                let start = ContinuousClock.now
                let page = await environment.search(tenant: tenant, email: "dmitri@acme.example", groups: groups,
                                              query: query, filter: nil, offset: round % 3 * 10, limit: 10)
                samples.append(start.duration(to: .now))
                guard round < 3 else { continue }
                // What is measured must be a real search: a full first page of passages that
                // share a word with the query, each from a document this user may read.
                if round == 0 { #expect(page.items.count == 10, "\(query)") }
                let queryTerms = Set(Tokenizer.terms(query))
                for item in page.items {
                    let content = (item["documentTitle"]?.stringValue ?? "") + " " + (item["content"]?.stringValue ?? "")
                    #expect(!queryTerms.isDisjoint(with: Tokenizer.terms(content)), "\(query): \(content.prefix(80))")
                    let document = item["documentId"]?.stringValue.flatMap { byID[$0] }
                    #expect(document.map { !$0.allowedGroups.isDisjoint(with: groups) || $0.allowedUsers.contains("dmitri@acme.example") } == true,
                            "a document dmitri may not read was returned for \(query)")
                }
            }
        }
        samples.sort()
        let median = samples[samples.count / 2]
        print("sandbox search benchmark: 10000 documents, \(samples.count) searches, median \(median), p90 \(samples[samples.count * 9 / 10]), index built in \(buildTime)")
    }
}
