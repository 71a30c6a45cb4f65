/// The steps of TTI-FLOW.md that the user sees: role → token exchange → identity-aware role.
/// A TTI tenant exchanges the ISV's ID token; an auth-code tenant redeems the code of its
/// Identity Center sign-in once, then renews with the refresh token.
public enum ExchangeStep: Int, Sendable, Equatable, CaseIterable, Comparable {
    case assumeRole
    case exchangeToken
    case redeemAuthorizationCode
    case refreshIdentityCenterToken
    case assumeIdentityAwareRole

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The steps of a TTI tenant's exchange, in order.
    public static let trustedTokenIssuerSteps: [ExchangeStep] = [.assumeRole, .exchangeToken, .assumeIdentityAwareRole]
    /// The steps of an auth-code tenant's renewal (its sign-in redeems a code instead of refreshing).
    public static let authCodeSteps: [ExchangeStep] = [.assumeRole, .refreshIdentityCenterToken, .assumeIdentityAwareRole]

    /// The steps an exchange for `tenant` runs when it needs no browser.
    public static func steps(for tenant: Tenant) -> [ExchangeStep] {
        switch tenant.authentication {
        case .trustedTokenIssuer: return trustedTokenIssuerSteps
        case .identityCenterAuthCode: return authCodeSteps
        }
    }

    public var title: String {
        switch self {
        case .assumeRole: return "Assume the data-accessor role (tenant tag)"
        case .exchangeToken: return "Exchange the ID token at the tenant's Identity Center"
        case .redeemAuthorizationCode: return "Redeem the sign-in at the tenant's Identity Center"
        case .refreshIdentityCenterToken: return "Renew the Identity Center sign-in (refresh token)"
        case .assumeIdentityAwareRole: return "Assume the role with the identity context"
        }
    }
}
