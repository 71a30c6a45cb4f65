import Foundation
import Testing
@testable import Sandbox

/// Search over a corpus five times the bundled one still returns a full first page of relevant
/// passages the user may read, and later pages that repeat none of them. Timing it is the
/// benchmarks' job (`Benchmarks/SandboxSearch`, `qseek-bench-probe search 10000`), not a test's.
@Suite struct SearchAtScaleTests {
    @Test func searchOverAThousandDocumentsReturnsRelevantPermittedPassagesOnEveryPage() async throws {
        let corpus = try CorpusLoader.bundled()
        var tenant = corpus.tenants[0]
        let seeds = tenant.documents
        var generator = SplitMix64(seed: 7)
        let fillers = ["quarterly", "warehouse", "latency", "onboarding", "supplier", "audit", "kubernetes", "invoice", "safety", "budget"]
        tenant.documents = (0..<1_000).map { index in
            var document = seeds[index % seeds.count]
            document.id += "-\(index)"
            document.body += "\n\nNote \(index): " + (0..<12).map { _ in fillers[Int.random(in: 0..<fillers.count, using: &generator)] }.joined(separator: " ")
            return document
        }
        let environment = SandboxEnvironment(corpus: Corpus(accountID: corpus.accountID, dataAccessorRoleARN: corpus.dataAccessorRoleARN,
                                                            clientID: corpus.clientID, users: corpus.users, tenants: [tenant]),
                                             options: SandboxOptions())
        let queries = ["database failover", "parental leave policy", "incident root cause latency", "supplier audit budget",
                       "kubernetes certificate rotation", "expense reimbursement receipts", "quarterly invoice", "safety onboarding"]
        let groups: Set<String> = ["all-staff", "engineering", "security"]
        let byID = Dictionary(tenant.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for query in queries {
            var seen: Set<String> = []
            for offset in [0, 10, 20] {
                let page = await environment.search(tenant: tenant, email: "dmitri@acme.example", groups: groups,
                                                    query: query, filter: nil, offset: offset, limit: 10)
                // The first page is full; later ones hold what is left, never a passage twice.
                if offset == 0 { #expect(page.items.count == 10, "\(query)") }
                for item in page.items {
                    let key = (item["documentId"]?.stringValue ?? "") + "|" + (item["content"]?.stringValue ?? "")
                    #expect(seen.insert(key).inserted, "\(query): a passage came back on two pages")
                }
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
    }
}
