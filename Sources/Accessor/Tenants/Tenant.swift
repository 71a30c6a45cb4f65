import Foundation

/// One customer of the ISV: the Amazon Q Business application it shares through the data
/// accessor, and where its Identity Center lives (TTI-FLOW.md, "What each tenant gives").
public struct Tenant: Sendable, Hashable, Identifiable {
    /// The data accessor's external id: the `qbusiness-dataaccessor:ExternalId` session tag.
    public var id: String
    public var name: String
    public var applicationID: String
    public var retrieverID: String
    /// The Q Business region.
    public var region: String
    /// The IAM Identity Center region; may differ from `region`.
    public var idcRegion: String
    /// The data accessor's IdC application ARN: `clientId` of CreateTokenWithIAM.
    public var idcApplicationARN: String
    /// How the data accessor signs users in.
    public var authentication: Authentication

    /// The data accessor's authentication type (TTI-FLOW.md).
    public enum Authentication: Sendable, Hashable {
        /// `AWS_IAM_IDC_TTI`: the ISV's ID token is exchanged at the tenant's Identity Center.
        case trustedTokenIssuer
        /// `AWS_IAM_IDC_AUTH_CODE`: the user signs in at the tenant's Identity Center, which
        /// redirects to `redirectURI` (registered for the data accessor, exactly) with a code.
        case identityCenterAuthCode(redirectURI: String)
    }

    /// Whether the user signs in at this tenant's own Identity Center (auth code).
    public var usesIdentityCenterSignIn: Bool {
        if case .identityCenterAuthCode = authentication { return true }
        return false
    }

    /// Auth-code tenants: the loopback port the tenant's Identity Center redirects the browser
    /// to (from the registered redirect URI). Over SSH, that port must be forwarded.
    public var callbackPort: Int? {
        guard case .identityCenterAuthCode(let redirectURI) = authentication else { return nil }
        return URLComponents(string: redirectURI)?.port
    }

    public init(id: String, name: String, applicationID: String, retrieverID: String,
                region: String, idcRegion: String, idcApplicationARN: String,
                authentication: Authentication = .trustedTokenIssuer) {
        self.id = id
        self.name = name
        self.applicationID = applicationID
        self.retrieverID = retrieverID
        self.region = region
        self.idcRegion = idcRegion
        self.idcApplicationARN = idcApplicationARN
        self.authentication = authentication
    }

    /// The tenants a user may use: all configured ones, or, when the IdP lists them in a
    /// claim (`tenant_claim`), only those it lists — in configuration order.
    public static func available(_ configured: [Tenant], claimedIDs: [String]?) -> [Tenant] {
        guard let claimedIDs else { return configured }
        let allowed = Set(claimedIDs)
        return configured.filter { allowed.contains($0.id) }
    }
}
