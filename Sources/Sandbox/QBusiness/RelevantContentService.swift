import Foundation
import enum HTTP.JSONValue
import HTTPTypes
import Hummingbird

/// Q Business `SearchRelevantContent` (restJson1): identity-aware, ACL-filtered BM25 search over
/// the tenant's passages.
struct RelevantContentService: Sendable {
    let environment: SandboxEnvironment

    static let defaultMaxResults = 10

    func search(_ request: ReceivedRequest, applicationID: String) async -> Response {
        let requestID = Responses.requestID()
        do {
            let body = try await handle(request, applicationID: applicationID)
            return Responses.json(.ok, body, headers: [(.amznRequestID, requestID)])
        } catch let error as AWSJSONError {
            return Responses.awsJSONError(error, requestID: requestID)
        } catch {
            return Responses.awsJSONError(AWSJSONError(status: .internalServerError, type: "InternalServerException",
                                                       message: "internal error"), requestID: requestID)
        }
    }

    private func handle(_ request: ReceivedRequest, applicationID: String) async throws -> JSONValue {
        let authenticated: AuthenticatedRequest
        do {
            authenticated = try await environment.authenticator.authenticate(request, service: "qbusiness")
        } catch {
            throw error.jsonError
        }
        guard CorpusLoader.isResourceID(applicationID) else {
            throw AWSJSONError.validation("applicationId must be 36 characters matching [a-zA-Z0-9][a-zA-Z0-9-]{35}",
                                          fields: [FieldProblem(name: "applicationId", message: "does not match the pattern")])
        }
        guard let tenant = environment.corpus.tenant(applicationID: applicationID), tenant.region == authenticated.region else {
            throw AWSJSONError.notFound("The application \(applicationID) was not found in \(authenticated.region).",
                                        resourceID: applicationID, resourceType: "Application")
        }
        guard case .session(let session) = authenticated.caller, let identity = session.identity else {
            throw AWSJSONError.accessDenied("SearchRelevantContent needs identity-aware credentials: AssumeRole with ProvidedContexts from Identity Center.")
        }
        guard session.tenantTag == tenant.id, identity.tenant == tenant.id else {
            throw AWSJSONError.accessDenied("The data accessor's external id for application \(applicationID) does not match the session tag qbusiness-dataaccessor:ExternalId.")
        }
        if environment.faults.plan.scripted.searchError == .licenseNotFound {
            throw AWSJSONError(status: .badRequest, type: "LicenseNotFoundException",
                               message: "The user does not have an active Amazon Q Business subscription. Ask your admin to activate your license and try again.")
        }
        guard let json = JSONValue.parse(request.body), json.objectValue != nil else {
            throw AWSJSONError.validation("The request body could not be parsed as a JSON object.", reason: "CANNOT_PARSE")
        }
        let query = try SearchRequest.parse(json)
        guard query.retrieverID == tenant.retrieverID else {
            throw AWSJSONError.notFound("The retriever \(query.retrieverID) was not found in application \(applicationID).",
                                        resourceID: query.retrieverID, resourceType: "Retriever")
        }
        let binding = PageToken.binding(tenant: tenant.id, email: identity.email, query: query.text,
                                        retriever: query.retrieverID, filter: json["attributeFilter"])
        var offset = 0
        if let token = query.nextToken {
            guard let decoded = environment.pageTokens.offset(of: token, binding: binding) else {
                throw AWSJSONError.validation("The nextToken is not valid for this request.",
                                              fields: [FieldProblem(name: "nextToken", message: "invalid or tampered token")])
            }
            offset = decoded
        }
        let result = await environment.search(tenant: tenant, email: identity.email, groups: Set(identity.groups),
                                        query: query.text, filter: query.filter, offset: offset, limit: query.maxResults)
        var body: [String: JSONValue] = ["relevantContent": .array(result.items)]
        if result.hasMore {
            body["nextToken"] = .string(environment.pageTokens.make(offset: offset + query.maxResults, binding: binding))
        }
        return .object(body)
    }
}

/// A validated SearchRelevantContent request body.
struct SearchRequest: Sendable {
    var text: String
    var retrieverID: String
    var filter: AttributeFilter?
    var maxResults: Int
    var nextToken: String?

    static func parse(_ json: JSONValue) throws(AWSJSONError) -> SearchRequest {
        var problems: [FieldProblem] = []
        let text = json["queryText"]?.stringValue
        if text == nil { problems.append(FieldProblem(name: "queryText", message: "is required and must be a string")) }
        let retriever = json["contentSource"]?["retriever"]?["retrieverId"]?.stringValue
        if let retriever {
            if !CorpusLoader.isResourceID(retriever) {
                problems.append(FieldProblem(name: "contentSource.retriever.retrieverId", message: "must match [a-zA-Z0-9][a-zA-Z0-9-]{35}"))
            }
        } else {
            problems.append(FieldProblem(name: "contentSource.retriever.retrieverId", message: "is required"))
        }
        var maxResults = RelevantContentService.defaultMaxResults
        if let raw = json["maxResults"] {
            if let number = raw.numberValue, number.rounded() == number, (1...100).contains(number) {
                maxResults = Int(number)
            } else {
                problems.append(FieldProblem(name: "maxResults", message: "must be an integer from 1 to 100"))
            }
        }
        var nextToken: String?
        if let raw = json["nextToken"] {
            if let token = raw.stringValue, (1...800).contains(token.count) {
                nextToken = token
            } else {
                problems.append(FieldProblem(name: "nextToken", message: "must be a string of 1 to 800 characters"))
            }
        }
        var filter: AttributeFilter?
        if let raw = json["attributeFilter"] {
            do { filter = try AttributeFilter.parse(raw) } catch { problems.append(error) }
        }
        guard problems.isEmpty, let text, let retriever else {
            let names = problems.map(\.name).joined(separator: ", ")
            throw AWSJSONError.validation("Invalid request: \(names)", fields: problems)
        }
        return SearchRequest(text: text, retrieverID: retriever, filter: filter, maxResults: maxResults, nextToken: nextToken)
    }
}
