import enum AWS.ScoreConfidence
import Foundation
import HTTP
import Testing
@testable import Sandbox

@Suite struct SearchTests {
    static let corpus = try! CorpusLoader.bundled()
    var acme: Tenant { Self.corpus.tenant(id: "T0100ACME")! }
    static let acmeSearch = TenantSearch(tenant: corpus.tenant(id: "T0100ACME")!)

    func search(_ email: String, _ query: String, filter: AttributeFilter? = nil, limit: Int = 100) -> [JSONValue] {
        let member = acme.member(email: email)!
        return Self.acmeSearch.page(email: email, groups: Set(member.groups), query: query, filter: filter, offset: 0, limit: limit).items
    }

    @Test func theBundledCorpusHasTwoTTITenantsWithAtLeast150DocumentsAndThreeUsersEach() {
        #expect(Self.corpus.tenants.filter { $0.authentication == .trustedTokenIssuer }.count == 2)
        #expect(Self.corpus.tenants.filter { $0.authentication == .identityCenterAuthCode }.count == 1)
        for tenant in Self.corpus.tenants where tenant.authentication == .trustedTokenIssuer {
            #expect(tenant.documents.count >= 150)
            #expect(tenant.members.count >= 3)
            #expect(Set(tenant.members.flatMap(\.groups)).count >= 3)
        }
    }

    @Test func aPassageThatRepeatsTheQueryTermsRanksAboveOneThatMentionsThemOnce() {
        let documents = [
            Document(id: "once", title: "Office plants", uri: "https://x/1", body: "The kitchen has a coffee machine and plants.",
                     attributes: [:], allowedUsers: [], allowedGroups: ["g"]),
            Document(id: "often", title: "Coffee machine guide", uri: "https://x/2",
                     body: "Descale the coffee machine weekly. The coffee machine needs filtered water.",
                     attributes: [:], allowedUsers: [], allowedGroups: ["g"]),
            Document(id: "none", title: "Parking", uri: "https://x/3", body: "Park in bay four.", attributes: [:],
                     allowedUsers: [], allowedGroups: ["g"]),
        ]
        let index = SearchIndex(documents: documents)
        let hits = index.search("coffee machine") { _ in true }
        #expect(hits.map { documents[index.passages[$0.passage].documentIndex].id } == ["often", "once"])
        #expect(hits[0].score > hits[1].score)
    }

    @Test func twoUsersOfOneTenantGetDifferentPassagesForTheSameQuestion() {
        let engineer = search("alice@acme.example", "parental leave").compactMap { $0["documentId"]?.stringValue }
        let hrPartner = search("carol@acme.example", "parental leave").compactMap { $0["documentId"]?.stringValue }
        #expect(!hrPartner.isEmpty && !engineer.isEmpty)
        #expect(hrPartner.contains { $0.contains("hr-internal") })
        #expect(!engineer.contains { $0.contains("hr-internal") })
    }

    @Test func aDocumentSharedWithOneUserByEmailReachesThatUserOnly() {
        let direct = acme.documents.filter { $0.allowedGroups.isEmpty && $0.allowedUsers.contains("dmitri@acme.example") }
        let document = try! #require(direct.first)
        let query = document.title
        let dmitri = search("dmitri@acme.example", query).compactMap { $0["documentId"]?.stringValue }
        let alice = search("alice@acme.example", query).compactMap { $0["documentId"]?.stringValue }
        #expect(dmitri.contains(document.id))
        #expect(!alice.contains(document.id))
    }

    @Test func anEqualsToFilterKeepsOnlyThatCategory() {
        let filter = AttributeFilter.compare(.equalsTo, name: "_category", value: .string("runbook"))
        let items = search("alice@acme.example", "database failover latency", filter: filter)
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0["documentId"]?.stringValue?.contains("-runbook-") == true })
    }

    @Test func aDateFilterOnCreatedAtDropsOlderDocuments() {
        let cutoff = ISO8601DateFormatter().date(from: "2025-06-01T00:00:00Z")!.timeIntervalSince1970
        let filter = AttributeFilter.compare(.greaterThanOrEquals, name: "_created_at", value: .date(cutoff))
        let items = search("alice@acme.example", "incident review root cause", filter: filter)
        #expect(!items.isEmpty)
        for item in items {
            let attribute = item["documentAttributes"]?.arrayValue?.first { $0["name"]?.stringValue == "_created_at" }
            #expect((attribute?["value"]?["dateValue"]?.numberValue ?? 0) >= cutoff)
        }
    }

    @Test func notAndOrCombineTheWayTheirNamesSay() {
        let attributes: [String: AttributeValue] = ["_category": .string("runbook"), "tags": .stringList(["a", "b"]), "n": .long(5)]
        #expect(AttributeFilter.not(.compare(.equalsTo, name: "_category", value: .string("hr"))).matches(attributes))
        #expect(AttributeFilter.all([.compare(.containsAll, name: "tags", value: .stringList(["a", "b"])),
                                     .compare(.lessThan, name: "n", value: .long(6))]).matches(attributes))
        #expect(!AttributeFilter.any([.compare(.containsAny, name: "tags", value: .stringList(["z"])),
                                      .compare(.greaterThan, name: "n", value: .long(5))]).matches(attributes))
    }

    @Test func aMalformedFilterNamesTheExactFieldThatIsWrong() {
        let json: JSONValue = ["andAllFilters": [["equalsTo": ["name": "_category", "value": ["stringValue": "x"]]],
                                                 ["greaterThan": ["name": "_category", "value": ["stringValue": "x"]]]]]
        #expect(throws: FieldProblem(name: "attributeFilter.andAllFilters[1].greaterThan.value",
                                     message: "greaterThan does not support this value type")) {
            try AttributeFilter.parse(json)
        }
    }

    @Test func confidenceBucketsFollowTheNormalisedScore() {
        #expect(ScoreConfidence(normalized: 0.9) == .veryHigh)
        #expect(ScoreConfidence(normalized: 0.35) == .high)
        #expect(ScoreConfidence(normalized: 0.2) == .medium)
        #expect(ScoreConfidence(normalized: 0.01) == .low)
    }

    @Test func aNextTokenEditedByOneCharacterOrReusedForAnotherQueryIsRefused() {
        let tokens = PageToken()
        let binding = PageToken.binding(tenant: "T", email: "a@x", query: "leave", retriever: "r", filter: nil)
        let token = tokens.make(offset: 10, binding: binding)
        #expect(tokens.offset(of: token, binding: binding) == 10)
        let forged = "20" + token.dropFirst(2)
        #expect(tokens.offset(of: String(forged), binding: binding) == nil)
        let other = PageToken.binding(tenant: "T", email: "a@x", query: "salary", retriever: "r", filter: nil)
        #expect(tokens.offset(of: token, binding: other) == nil)
    }

    @Test func longBodiesSplitIntoPassagesOfAtMost2048Characters() {
        let long = String(repeating: "Pumps need regular checks. ", count: 100)
        let passages = Passage.split([long, "Short tail."].joined(separator: "\n\n"), documentIndex: 0)
        #expect(passages.count == 2)
        #expect(passages.last?.text.hasSuffix("Short tail.") == true)
        #expect(passages.allSatisfy { $0.text.count <= Passage.maximumLength })
    }
}
