import Accessor
import Assistant
import Foundation
import MCP

/// The arguments of one `search` call, checked, with the defaults of the configuration.
struct SearchRequest: Sendable, Equatable {
    var query: String
    var tenant: String?
    var filters: String?
    var maxResults: Int
    var pages: Int

    static let pageLimit = 20

    init(arguments: [String: Value]?, defaults: SearchToolsSettings) throws(SearchToolsError) {
        let arguments = arguments ?? [:]
        for key in arguments.keys where !["query", "tenant", "filters", "max_results", "pages"].contains(key) {
            throw .invalidArgument("`\(key)` is not an argument of search (query, tenant, filters, max_results, pages).")
        }
        guard let query = arguments["query"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines), !query.isEmpty else {
            throw .invalidArgument("`query` is required: the words to search for.")
        }
        self.query = query
        tenant = try Self.optionalString(arguments["tenant"], name: "tenant")
        filters = try Self.optionalString(arguments["filters"], name: "filters")
        maxResults = try Self.optionalInt(arguments["max_results"], name: "max_results", in: 1...100) ?? defaults.maxResults
        pages = try Self.optionalInt(arguments["pages"], name: "pages", in: 1...Self.pageLimit) ?? defaults.maxPages
    }

    /// The query for the search: the text with any `@key=value` terms of `query` and `filters`.
    func passageQuery(for tenant: Tenant) throws(SearchToolsError) -> PassageQuery {
        let parsed: FilteredQuery
        do throws(FilterSyntaxError) {
            parsed = try FilteredQuery.parse([query, filters ?? ""].joined(separator: " "))
        } catch {
            throw .invalidArgument("The filter \(error.userMessage). Write filters as @key=value terms, e.g. @category=security @after=2024-01-01.")
        }
        guard !parsed.text.isEmpty else { throw .invalidArgument("`query` holds only filters; add the words to search for.") }
        return PassageQuery(tenant: tenant, text: parsed.text, filter: parsed.filter, pageSize: maxResults, maxPages: pages)
    }

    private static func optionalString(_ value: Value?, name: String) throws(SearchToolsError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text.isEmpty ? nil : text
        default: throw .invalidArgument("`\(name)` must be a string.")
        }
    }

    private static func optionalInt(_ value: Value?, name: String, in range: ClosedRange<Int>) throws(SearchToolsError) -> Int? {
        let number: Int
        switch value {
        case nil, .null?: return nil
        case .int(let int)?: number = int
        case .double(let double)? where double.rounded() == double && abs(double) < 1e9: number = Int(double)
        default: throw .invalidArgument("`\(name)` must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        guard range.contains(number) else {
            throw .invalidArgument("`\(name)` must be from \(range.lowerBound) to \(range.upperBound), not \(number).")
        }
        return number
    }
}

/// What the configuration sets for every call.
public struct SearchToolsSettings: Sendable {
    /// Passages per page when a call does not say (`[search].max_results`).
    public var maxResults: Int
    /// Pages when a call does not say (`[search].max_pages`).
    public var maxPages: Int
    /// The prompt's token budget (`[prompt].budget_tokens`).
    public var budgetTokens: Int
    /// The prompt template (`[prompt].template`, or the built-in one).
    public var template: PromptTemplate

    public init(maxResults: Int = 25, maxPages: Int = 4, budgetTokens: Int = 6000, template: PromptTemplate = .standard) {
        self.maxResults = min(max(1, maxResults), 100)
        self.maxPages = min(max(1, maxPages), SearchRequest.pageLimit)
        self.budgetTokens = max(1, budgetTokens)
        self.template = template
    }
}
