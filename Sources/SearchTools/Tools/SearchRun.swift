import Accessor
import Foundation
import Logging

/// One search for one user, page by page, with the failures put in words.
struct SearchRun {
    let user: SearchUser
    let logger: Logger

    struct Outcome: Sendable {
        var tenant: Tenant
        var query: PassageQuery
        var passages: [Passage]
        var pages: Int
    }

    /// Runs `request`; `pageArrived(pages, passagesSoFar, query)` hears of every page.
    /// Throws `SearchToolsError`, or `CancellationError` when the call was cancelled.
    func run(_ request: SearchRequest,
             pageArrived: @Sendable (Int, Int, PassageQuery) async -> Void = { _, _, _ in }) async throws -> Outcome {
        let tenant = try user.tenant(named: request.tenant)
        let query = try request.passageQuery(for: tenant)
        // Credentials that expired under the search are renewed once, as the TUI does.
        for attempt in 1...2 {
            var passages: [Passage] = []
            var pages = 0
            do {
                for try await page in user.search.pages(of: query) {
                    try Task.checkCancellation()
                    pages += 1
                    passages += page
                    await pageArrived(pages, passages.count, query)
                }
                try Task.checkCancellation()
                return Outcome(tenant: tenant, query: query, passages: passages, pages: pages)
            } catch AccessorError.credentialsExpired where attempt == 1 {
                logger.debug("search credentials expired; renewing once", metadata: ["tenant": "\(tenant.id)"])
                continue
            } catch let error as AccessorError {
                throw Self.describe(error)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                if Task.isCancelled { throw CancellationError() }
                throw SearchToolsError.search(ServiceFailure(error).userMessage)
            }
        }
        throw SearchToolsError.search(AccessorError.credentialsExpired.userMessage)
    }

    static func describe(_ error: AccessorError) -> SearchToolsError {
        switch error {
        case .signInRequired(let reason): return .signInRequired(sentence(reason))
        case .exchange(_, .cancelled), .search(.cancelled): return .search("The search was cancelled.")
        default: return .search(error.userMessage)
        }
    }

    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.hasSuffix(".") ? trimmed : trimmed + "."
    }
}
