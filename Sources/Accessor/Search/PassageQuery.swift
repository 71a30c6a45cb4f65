/// One search of one tenant's index: what SearchRelevantContent is asked, page by page.
public struct PassageQuery: Sendable, Equatable {
    public var tenant: Tenant
    public var text: String
    public var filter: AttributeFilter?
    /// Results per page, 1...100.
    public var pageSize: Int
    /// Pages to follow through `nextToken` at most.
    public var maxPages: Int

    public init(tenant: Tenant, text: String, filter: AttributeFilter? = nil, pageSize: Int = 25, maxPages: Int = 4) {
        self.tenant = tenant
        self.text = text
        self.filter = filter
        self.pageSize = min(max(1, pageSize), 100)
        self.maxPages = max(1, maxPages)
    }
}
