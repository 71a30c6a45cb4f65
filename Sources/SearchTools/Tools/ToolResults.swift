import Accessor
import Foundation
import MCP
import OIDC

/// The `structuredContent` of each tool (matching `ToolCatalog`'s output schemas) and the
/// text content beside it, for clients that read only text.
enum ToolResults {
    struct SearchDocument: Codable, Sendable, Equatable {
        struct TenantRef: Codable, Sendable, Equatable {
            var id: String
            var name: String
        }

        struct NumberedPassage: Codable, Sendable, Equatable {
            var number: Int
            var title: String
            var uri: String?
            var confidence: String
            var documentId: String
            var text: String

            enum CodingKeys: String, CodingKey { case number, title, uri, confidence, documentId, text }

            // `uri` is always present (null when unknown), as the schema says.
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(number, forKey: .number)
                try c.encode(title, forKey: .title)
                try c.encode(uri, forKey: .uri)
                try c.encode(confidence, forKey: .confidence)
                try c.encode(documentId, forKey: .documentId)
                try c.encode(text, forKey: .text)
            }
        }

        var tenant: TenantRef
        var query: String
        var pages: Int
        var passages: [NumberedPassage]
    }

    static func search(_ outcome: SearchRun.Outcome) throws -> CallTool.Result {
        let passages = outcome.passages.map {
            SearchDocument.NumberedPassage(number: $0.rank, title: $0.title, uri: $0.uri, confidence: $0.confidence.rawValue,
                                           documentId: $0.documentID, text: $0.content)
        }
        let document = SearchDocument(tenant: .init(id: outcome.tenant.id, name: outcome.tenant.name), query: outcome.query.text,
                                      pages: outcome.pages, passages: passages)
        return try CallTool.Result(content: [.text(text: searchText(outcome), annotations: nil, _meta: nil)], structuredContent: document)
    }

    static func searchText(_ outcome: SearchRun.Outcome) -> String {
        let count = outcome.passages.count
        var text = "\(count) passage\(count == 1 ? "" : "s") from \(outcome.tenant.name) (\(outcome.tenant.id)) for \"\(outcome.query.text)\"."
        if count == 0 {
            text += " Nothing this user may read matches; try other words or fewer filters."
            return text
        }
        text += " Cite them as [n].\n"
        for passage in outcome.passages {
            text += "\n[\(passage.rank)] \(passage.title)\n"
            text += "    \(passage.uri ?? "(no URI)") · confidence \(passage.confidence.rawValue)\n"
            text += passage.content.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
            text += "\n"
        }
        return text
    }

    struct TenantList: Codable, Sendable, Equatable {
        struct Entry: Codable, Sendable, Equatable {
            var id: String
            var name: String
            var region: String
        }

        var tenants: [Entry]
    }

    static func tenants(_ user: SearchUser) throws -> CallTool.Result {
        let list = TenantList(tenants: user.tenants.map { .init(id: $0.id, name: $0.name, region: $0.region) })
        let text = user.tenants.isEmpty
            ? SearchToolsError.noTenants.userMessage
            : user.tenants.map { "\($0.id)  \($0.name)  (\($0.region))" }.joined(separator: "\n")
        return try CallTool.Result(content: [.text(text: text, annotations: nil, _meta: nil)], structuredContent: list)
    }

    static func whoami(_ user: SearchUser) throws -> CallTool.Result {
        let identity = IdentityDocument(subject: user.subject, email: user.email, name: user.name, issuer: user.issuer,
                                        expiresAt: user.expiresAt)
        return try CallTool.Result(content: [.text(text: identity.lines.joined(separator: "\n"), annotations: nil, _meta: nil)],
                                   structuredContent: identity)
    }

    static func failure(_ error: SearchToolsError) -> CallTool.Result {
        CallTool.Result(content: [.text(text: error.userMessage, annotations: nil, _meta: nil)], isError: true)
    }
}
