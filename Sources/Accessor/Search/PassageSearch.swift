import AWS
import Foundation
import Logging

/// Passage search for one tenant, as an async stream of pages: SearchRelevantContent signed
/// with the identity-aware credentials of that tenant, following `nextToken` up to the
/// query's page limit, ending when the consumer stops listening.
public struct PassageSearch: Sendable {
    private let exchange: TrustedIdentityExchange
    private let endpoints: EndpointResolver
    private let transport: any HTTPTransport
    private let logger: Logger

    public init(exchange: TrustedIdentityExchange, endpoints: EndpointResolver, transport: any HTTPTransport,
                logger: Logger = Logger(label: "qseek.accessor")) {
        self.exchange = exchange
        self.endpoints = endpoints
        self.transport = transport
        self.logger = logger
    }

    /// The pages of one search. The stream ends with an `AccessorError` (or a
    /// `CancellationError` when its consumer went away).
    public func pages(of query: PassageQuery) -> AsyncThrowingStream<[Passage], any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [Passage].self)
        let task = Task {
            do {
                try await run(query) { continuation.yield($0) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    private func run(_ query: PassageQuery, yield: ([Passage]) -> Void) async throws {
        let tenant = query.tenant
        let credentials = IdentityAwareCredentials(exchange: exchange, tenant: tenant)
        let endpoint: Endpoint
        do {
            endpoint = try endpoints.endpoint(for: .qbusiness, region: tenant.region)
        } catch {
            throw AccessorError.configuration(ServiceFailure(error))
        }
        let service = QBusiness(client: AWSServiceClient(service: .qbusiness, region: tenant.region, endpoint: endpoint,
                                                         credentials: credentials, transport: transport, logger: logger))
        let request = SearchRelevantContentRequest(applicationID: tenant.applicationID, queryText: query.text,
                                                   retrieverID: tenant.retrieverID, attributeFilter: query.filter,
                                                   maxResults: query.pageSize)
        var rank = 0
        logger.debug("search started", metadata: ["tenant": "\(tenant.id)", "pageSize": "\(query.pageSize)", "maxPages": "\(query.maxPages)"])
        do {
            for try await page in service.searchRelevantContentPages(request, maxPages: query.maxPages) {
                logger.debug("search page arrived", metadata: ["tenant": "\(tenant.id)", "passages": "\(page.relevantContent.count)",
                                                               "more": "\(page.nextToken != nil)"])
                let passages = page.relevantContent.map { content -> Passage in
                    rank += 1
                    return Passage(content, rank: rank)
                }
                yield(passages)
            }
        } catch let error as AccessorError {
            throw error
        } catch {
            if AccessorError.isExpiry(error) {
                await exchange.invalidate(tenantID: tenant.id)
                throw AccessorError.credentialsExpired
            }
            if error is CancellationError { throw error }
            throw AccessorError.search(ServiceFailure(error))
        }
    }
}

/// Hands the QBusiness client credentials B of one tenant, renewed through the exchange.
struct IdentityAwareCredentials: CredentialsProvider {
    let exchange: TrustedIdentityExchange
    let tenant: Tenant

    func credentials() async throws -> Credentials {
        try await exchange.credentials(for: tenant)
    }
}

extension Passage {
    init(_ content: RelevantContent, rank: Int) {
        self.init(rank: rank, documentID: content.documentID ?? "", title: content.documentTitle ?? content.documentID ?? "(untitled)",
                  uri: content.documentURI, content: content.content ?? "",
                  confidence: content.scoreConfidence ?? .notAvailable,
                  attributes: content.documentAttributes)
    }
}
