/// The pages of a search, as an `AsyncSequence` that follows `nextToken`.
public struct SearchRelevantContentPages: AsyncSequence, Sendable {
    public typealias Element = SearchRelevantContentPage

    let service: QBusiness
    let first: SearchRelevantContentRequest
    let maxPages: Int?

    public struct AsyncIterator: AsyncIteratorProtocol {
        let service: QBusiness
        var next: SearchRelevantContentRequest?
        var remaining: Int?

        public mutating func next() async throws -> SearchRelevantContentPage? {
            guard let request = next, remaining.map({ $0 > 0 }) ?? true else { return nil }
            try Task.checkCancellation()
            let page = try await service.searchRelevantContent(request)
            remaining = remaining.map { $0 - 1 }
            if let token = page.nextToken, !token.isEmpty, token != request.nextToken {
                var following = request
                following.nextToken = token
                next = following
            } else {
                next = nil
            }
            return page
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(service: service, next: first, remaining: maxPages)
    }
}
