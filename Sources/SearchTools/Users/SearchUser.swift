import Accessor
import Foundation

/// The person the tools act for: who they are (claims only, never a token), the tenants they
/// may use, and the search that runs with their identity-aware credentials.
public struct SearchUser: Sendable {
    public var subject: String
    public var email: String?
    public var name: String?
    public var issuer: String
    public var expiresAt: Date
    public var tenants: [Tenant]
    public var search: PassageSearch

    public init(subject: String, email: String?, name: String?, issuer: String, expiresAt: Date,
                tenants: [Tenant], search: PassageSearch) {
        self.subject = subject
        self.email = email
        self.name = name
        self.issuer = issuer
        self.expiresAt = expiresAt
        self.tenants = tenants
        self.search = search
    }
}

/// Finds the user of one tool call: the cached sign-in (stdio) or the request's verified
/// bearer token (HTTP). Throws `SearchToolsError`.
public typealias SearchUserSource = @Sendable () async throws -> SearchUser

/// What a tool call can fail with, in words a person (or the model relaying them) can act on.
/// No case carries a token, key, session token or identity context.
public enum SearchToolsError: Error, Sendable, Equatable {
    /// Nobody is signed in, or the sign-in can no longer be renewed.
    case signInRequired(String)
    case invalidArgument(String)
    case unknownTenant(requested: String, available: [String])
    case tenantRequired(available: [String])
    case noTenants
    case search(String)

    public var userMessage: String {
        switch self {
        case .signInRequired(let reason):
            return "Sign-in needed: \(reason) Run `qseek login` in a terminal, then call the tool again."
        case .invalidArgument(let reason):
            return reason
        case .unknownTenant(let requested, let available):
            return "There is no tenant \(requested) you may search (yours: \(Self.list(available)))."
        case .tenantRequired(let available):
            return "Several tenants are available; pass `tenant` as one of: \(Self.list(available))."
        case .noTenants:
            return "No tenant is available to this user: the configuration lists none, or the sign-in's tenant claim names none of them."
        case .search(let reason):
            return reason
        }
    }

    private static func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: ", ") }
}

extension SearchUser {
    /// The tenant a call names, or the user's only tenant when the call names none.
    func tenant(named id: String?) throws(SearchToolsError) -> Tenant {
        let ids = tenants.map(\.id)
        if let id, !id.isEmpty {
            guard let tenant = tenants.first(where: { $0.id == id }) else {
                throw .unknownTenant(requested: id, available: ids)
            }
            return tenant
        }
        switch tenants.count {
        case 0: throw .noTenants
        case 1: return tenants[0]
        default: throw .tenantRequired(available: ids)
        }
    }
}
