/// The parties of the TTI flow, as the flow view draws them (left to right).
public enum FlowParty: Int, Sendable, Equatable, CaseIterable {
    case qseek
    case identityProvider
    case sts
    case identityCenter
    case qBusiness
    case model

    public var title: String {
        switch self {
        case .qseek: return "qseek"
        case .identityProvider: return "ISV identity provider"
        case .sts: return "STS"
        case .identityCenter: return "IAM Identity Center"
        case .qBusiness: return "Amazon Q Business"
        case .model: return "Model"
        }
    }

    /// A short name for the diagram's column heads.
    public var shortTitle: String {
        switch self {
        case .qseek: return "qseek"
        case .identityProvider: return "ISV IdP"
        case .sts: return "STS"
        case .identityCenter: return "Identity Center"
        case .qBusiness: return "Q Business"
        case .model: return "Model"
        }
    }
}

/// A secret value as a screen may show it: its length, never its characters.
public enum Redacted {
    public static func describe(_ secret: String) -> String { "(redacted, \(secret.count) chars)" }
}
