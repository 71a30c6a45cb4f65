/// The steps of TTI-FLOW.md that the user sees: role → token exchange → identity-aware role.
public enum ExchangeStep: Int, Sendable, Equatable, CaseIterable, Comparable {
    case assumeRole
    case exchangeToken
    case assumeIdentityAwareRole

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var title: String {
        switch self {
        case .assumeRole: return "Assume the data-accessor role (tenant tag)"
        case .exchangeToken: return "Exchange the ID token at the tenant's Identity Center"
        case .assumeIdentityAwareRole: return "Assume the role with the identity context"
        }
    }
}
