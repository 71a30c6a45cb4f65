/// Search over one tenant's documents as `SearchRelevantContent` answers it: the index, the
/// ACL, the request's filter and the tenant's own document filter, one page of wire-shaped items.
public struct TenantSearch: Sendable {
    public let tenant: Tenant
    public let index: SearchIndex

    public struct Page: Sendable {
        /// `RelevantContent` items as they go on the wire.
        public var items: [JSONValue]
        public var hasMore: Bool
    }

    /// Builds the inverted index (the slow part, done once at load).
    public init(tenant: Tenant) {
        self.tenant = tenant
        index = SearchIndex(documents: tenant.documents)
    }

    /// One page of passages `email` (in `groups`) may read, best first.
    public func page(email: String, groups: Set<String>, query: String, filter: AttributeFilter?,
                     offset: Int, limit: Int) -> Page {
        let email = email.lowercased()
        let documents = tenant.documents
        let documentFilter = tenant.documentFilter
        let (hits, total) = index.top(offset + limit, for: query) { documentIndex in
            let document = documents[documentIndex]
            return document.isReadable(byEmail: email, groups: groups)
                && (filter?.matches(document.attributes) ?? true)
                && (documentFilter?.matches(document.attributes) ?? true)
        }
        guard offset < hits.count else { return Page(items: [], hasMore: false) }
        let items = hits[offset..<min(hits.count, offset + limit)].map { hit -> JSONValue in
            let passage = index.passages[hit.passage]
            let document = documents[passage.documentIndex]
            let attributes = document.attributes.sorted { $0.key < $1.key }
                .map { JSONValue.object(["name": .string($0.key), "value": $0.value.json]) }
            return [
                "content": .string(passage.text), "documentId": .string(document.id),
                "documentTitle": .string(document.title), "documentUri": .string(document.uri),
                "documentAttributes": .array(attributes),
                "scoreAttributes": ["scoreConfidence": .string(ScoreConfidence(normalized: hit.normalized).rawValue)],
            ]
        }
        return Page(items: items, hasMore: offset + limit < total)
    }
}
