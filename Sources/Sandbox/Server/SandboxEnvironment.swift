import Foundation
import NIOConcurrencyHelpers

/// Everything the handlers share: the corpus and its indexes, the stores of issued tokens and
/// credentials, the keys, and the address the server ended up on.
final class SandboxEnvironment: Sendable {
    let corpus: Corpus
    let options: SandboxOptions
    let indexes: [String: SearchIndex]
    let credentials = CredentialStore()
    let authenticator: RequestAuthenticator
    let identityContexts = IdentityContext()
    let pageTokens = PageToken()
    let faults: FaultInjector
    private let originBox = NIOLockedValueBox("http://127.0.0.1:0")

    init(corpus: Corpus, options: SandboxOptions) {
        self.corpus = corpus
        self.options = options
        var indexes: [String: SearchIndex] = [:]
        for tenant in corpus.tenants { indexes[tenant.id] = SearchIndex(documents: tenant.documents) }
        self.indexes = indexes
        authenticator = RequestAuthenticator(credentials: credentials, maximumSessionAge: options.faults.expireCredentialsAfter)
        faults = FaultInjector(plan: options.faults, seed: options.seed)
    }

    /// `http://HOST:PORT`, known once the server is bound (the IdP's issuer is derived from it).
    var origin: String {
        get { originBox.withLockedValue { $0 } }
        set { originBox.withLockedValue { $0 = newValue } }
    }

    struct SearchPage {
        var items: [JSONValue]
        var hasMore: Bool
    }

    /// One page of passages `email` (in `groups`) may read in `tenant`, best first.
    func search(tenant: Tenant, email: String, groups: Set<String>, query: String, filter: AttributeFilter?,
                offset: Int, limit: Int) -> SearchPage {
        guard let index = indexes[tenant.id] else { return SearchPage(items: [], hasMore: false) }
        let email = email.lowercased()
        let (hits, total) = index.top(offset + limit, for: query) { documentIndex in
            let document = tenant.documents[documentIndex]
            return document.isReadable(byEmail: email, groups: groups)
                && (filter?.matches(document.attributes) ?? true)
                && (tenant.documentFilter?.matches(document.attributes) ?? true)
        }
        guard offset < hits.count else { return SearchPage(items: [], hasMore: false) }
        let page = hits[offset..<min(hits.count, offset + limit)]
        let items = page.map { hit -> JSONValue in
            let passage = index.passages[hit.passage]
            let document = tenant.documents[passage.documentIndex]
            let attributes = document.attributes.sorted { $0.key < $1.key }
                .map { JSONValue.object(["name": .string($0.key), "value": $0.value.json]) }
            return [
                "content": .string(passage.text), "documentId": .string(document.id),
                "documentTitle": .string(document.title), "documentUri": .string(document.uri),
                "documentAttributes": .array(attributes),
                "scoreAttributes": ["scoreConfidence": .string(ScoreConfidence(normalized: hit.normalized).rawValue)],
            ]
        }
        return SearchPage(items: items, hasMore: offset + limit < total)
    }
}
