import Foundation

/// Everything the sandbox serves: the ISV's users, the customers (tenants) with their Q Business
/// application, retriever, Identity Center application and documents.
public struct Corpus: Sendable {
    public var accountID: String
    public var dataAccessorRoleARN: String
    /// The ISV's OIDC client id: the audience of its ID tokens.
    public var clientID: String
    public var users: [DemoUser]
    public var tenants: [Tenant]

    public init(accountID: String, dataAccessorRoleARN: String, clientID: String, users: [DemoUser], tenants: [Tenant]) {
        self.accountID = accountID
        self.dataAccessorRoleARN = dataAccessorRoleARN
        self.clientID = clientID
        self.users = users
        self.tenants = tenants
    }

    public func user(email: String) -> DemoUser? {
        users.first { $0.email.caseInsensitiveCompare(email) == .orderedSame }
    }

    public func user(subject: String) -> DemoUser? {
        users.first { $0.subject == subject }
    }

    public func tenant(id: String) -> Tenant? {
        tenants.first { $0.id == id }
    }

    public func tenant(applicationID: String) -> Tenant? {
        tenants.first { $0.applicationID == applicationID }
    }

    public func tenant(idcApplicationARN: String) -> Tenant? {
        tenants.first { $0.idcApplicationARN == idcApplicationARN }
    }

    /// The tenant ids a user belongs to, in corpus order (the `tenants` claim of ID tokens).
    /// Only TTI tenants: an auth-code tenant's own Identity Center decides who uses it.
    public func tenantIDs(of user: DemoUser) -> [String] {
        tenants.filter { $0.authentication == .trustedTokenIssuer && $0.member(email: user.email) != nil }.map(\.id)
    }
}

/// A person who can sign in at the sandbox IdP.
public struct DemoUser: Sendable, Hashable {
    public var subject: String
    public var email: String
    public var name: String
    /// A question that shows what this user may read (the demo's sign-in screen lists it).
    public var suggestedQuestion: String?

    public init(subject: String, email: String, name: String, suggestedQuestion: String? = nil) {
        self.subject = subject
        self.email = email
        self.name = name
        self.suggestedQuestion = suggestedQuestion
    }
}

/// One customer of the ISV: its own Q Business application, Identity Center and documents.
public struct Tenant: Sendable {
    /// The data accessor's external id, which is also the session tag value.
    public var id: String
    public var name: String
    public var region: String
    public var idcRegion: String
    public var applicationID: String
    public var retrieverID: String
    public var idcApplicationARN: String
    public var members: [TenantMember]
    public var documents: [Document]
    /// The customer's restriction on what this data accessor may see (nil: everything).
    public var documentFilter: AttributeFilter?
    /// How the data accessor signs users in (`auth` in tenants.toml).
    public var authentication: TenantAuthentication
    /// The redirect URIs registered for the data accessor (auth code only): `/authorize`
    /// accepts exactly these.
    public var redirectURIs: [String]

    public init(id: String, name: String, region: String, idcRegion: String, applicationID: String, retrieverID: String,
                idcApplicationARN: String, members: [TenantMember], documents: [Document], documentFilter: AttributeFilter? = nil,
                authentication: TenantAuthentication = .trustedTokenIssuer, redirectURIs: [String] = []) {
        self.id = id
        self.name = name
        self.region = region
        self.idcRegion = idcRegion
        self.applicationID = applicationID
        self.retrieverID = retrieverID
        self.idcApplicationARN = idcApplicationARN
        self.members = members
        self.documents = documents
        self.documentFilter = documentFilter
        self.authentication = authentication
        self.redirectURIs = redirectURIs
    }

    public func member(email: String) -> TenantMember? {
        members.first { $0.email.caseInsensitiveCompare(email) == .orderedSame }
    }
}

/// The data accessor's authentication type.
public enum TenantAuthentication: String, Sendable, CaseIterable {
    /// `AWS_IAM_IDC_TTI`: the user signs in at the ISV's IdP; Identity Center trusts its tokens.
    case trustedTokenIssuer = "tti"
    /// `AWS_IAM_IDC_AUTH_CODE`: the user signs in at the customer's own Identity Center.
    case identityCenterAuthCode = "idc-auth-code"
}

/// A user's place in one tenant's Identity Center: the groups that document ACLs name.
public struct TenantMember: Sendable, Hashable {
    public var email: String
    public var groups: [String]
    /// The display name on the Identity Center sign-in page (else the `[[users]]` name or the email).
    public var name: String?

    public init(email: String, groups: [String], name: String? = nil) {
        self.email = email
        self.groups = groups
        self.name = name
    }
}

/// One indexed document with its attributes and access control list.
public struct Document: Sendable {
    public var id: String
    public var title: String
    public var uri: String
    public var body: String
    public var attributes: [String: AttributeValue]
    public var allowedUsers: Set<String>
    public var allowedGroups: Set<String>

    public init(id: String, title: String, uri: String, body: String, attributes: [String: AttributeValue],
                allowedUsers: Set<String>, allowedGroups: Set<String>) {
        self.id = id
        self.title = title
        self.uri = uri
        self.body = body
        self.attributes = attributes
        self.allowedUsers = allowedUsers
        self.allowedGroups = allowedGroups
    }

    /// Whether a user with `email` (lowercased, as ACLs store it) in `groups` may read this document.
    public func isReadable(byEmail email: String, groups: Set<String>) -> Bool {
        allowedUsers.contains(email) || !allowedGroups.isDisjoint(with: groups)
    }
}

/// A document attribute value as Q Business types it.
public enum AttributeValue: Sendable, Hashable {
    case string(String)
    case stringList([String])
    case long(Int64)
    /// Seconds since the epoch, as `dateValue` goes on the wire.
    case date(Double)
}
