import enum AWS.ScoreConfidence
import enum HTTP.JSONValue

/// Search over one tenant's documents as `SearchRelevantContent` answers it: the index, the
/// ACL, the request's filter and the tenant's own document filter, one page of wire-shaped items.
public struct TenantSearch: Sendable {
    public let tenant: Tenant
    public let index: SearchIndex
    /// Each document's ACL as numbers (group bits, user ids), so the check per matching
    /// document is a mask test instead of string hashing.
    private let access: DocumentAccess

    public struct Page: Sendable {
        /// `RelevantContent` items as they go on the wire.
        public var items: [JSONValue]
        public var hasMore: Bool
    }

    /// Builds the inverted index (the slow part, done once at load).
    public init(tenant: Tenant) {
        self.tenant = tenant
        index = SearchIndex(documents: tenant.documents)
        access = DocumentAccess(tenant.documents)
    }

    /// One page of passages `email` (in `groups`) may read, best first.
    public func page(email: String, groups: Set<String>, query: String, filter: AttributeFilter?,
                     offset: Int, limit: Int) -> Page {
        let documents = tenant.documents
        let documentFilter = tenant.documentFilter
        let reader = access.reader(email: email, groups: groups)
        let filtered = filter != nil || documentFilter != nil
        let (hits, total) = index.top(offset + limit, for: query) { documentIndex in
            guard access.allows(reader, document: documentIndex) else { return false }
            guard filtered else { return true }
            let attributes = documents[documentIndex].attributes
            return (filter?.matches(attributes) ?? true) && (documentFilter?.matches(attributes) ?? true)
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

/// Document ACLs compiled to integers: a bit per group (several words when there are more
/// than 64 groups) and a sorted list of user ids per document.
struct DocumentAccess: Sendable {
    private let groupBits: [String: Int]
    private let userIDs: [String: Int32]
    private let documentGroups: [[UInt64]]
    private let documentUsers: [[Int32]]
    private let words: Int

    struct Reader {
        var groups: [UInt64]
        var user: Int32?
    }

    init(_ documents: [Document]) {
        var groupBits: [String: Int] = [:], userIDs: [String: Int32] = [:]
        for document in documents {
            for group in document.allowedGroups where groupBits[group] == nil { groupBits[group] = groupBits.count }
            for user in document.allowedUsers where userIDs[user] == nil { userIDs[user] = Int32(userIDs.count) }
        }
        let words = max(1, (groupBits.count + 63) / 64)
        documentGroups = documents.map { document in
            var mask = [UInt64](repeating: 0, count: words)
            for group in document.allowedGroups {
                let bit = groupBits[group] ?? 0
                mask[bit / 64] |= 1 << UInt64(bit % 64)
            }
            return mask
        }
        documentUsers = documents.map { document in document.allowedUsers.compactMap { userIDs[$0] }.sorted() }
        self.groupBits = groupBits
        self.userIDs = userIDs
        self.words = words
    }

    func reader(email: String, groups: Set<String>) -> Reader {
        var mask = [UInt64](repeating: 0, count: words)
        for group in groups {
            guard let bit = groupBits[group] else { continue }
            mask[bit / 64] |= 1 << UInt64(bit % 64)
        }
        return Reader(groups: mask, user: userIDs[email.lowercased()])
    }

    func allows(_ reader: Reader, document: Int) -> Bool {
        let masks = documentGroups[document]
        for word in 0..<words where masks[word] & reader.groups[word] != 0 { return true }
        guard let user = reader.user else { return false }
        return documentUsers[document].contains(user)
    }
}
