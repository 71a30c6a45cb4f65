import Accessor
import Foundation
import QseekConfiguration

/// How `doctor` names the exchange's steps: ids are part of its `--json` contract.
extension ExchangeStep {
    var doctorID: String {
        switch self {
        case .assumeRole: return "assume-role"
        case .exchangeToken: return "create-token"
        case .redeemAuthorizationCode: return "redeem-code"
        case .refreshIdentityCenterToken: return "refresh-token"
        case .assumeIdentityAwareRole: return "identity-aware-role"
        }
    }

    func doctorTitle(for tenant: QseekConfig.Tenant) -> String {
        switch self {
        case .assumeRole: return "AssumeRole into the data-accessor role with the tenant tag"
        case .exchangeToken: return "CreateTokenWithIAM at the tenant's Identity Center (\(tenant.idcRegion))"
        case .redeemAuthorizationCode: return "CreateTokenWithIAM (authorization_code) at the tenant's Identity Center (\(tenant.idcRegion))"
        case .refreshIdentityCenterToken: return "CreateTokenWithIAM (refresh_token) at the tenant's Identity Center (\(tenant.idcRegion))"
        case .assumeIdentityAwareRole: return "AssumeRole with the identity context (sts:SetContext)"
        }
    }

    func doctorDetail(configured config: QseekConfig, expiry: Date?) -> String {
        switch self {
        case .assumeRole: return config.aws.dataAccessorRoleARN
        case .exchangeToken, .redeemAuthorizationCode: return "identity context received"
        case .refreshIdentityCenterToken: return "sign-in renewed with no browser; identity context received"
        case .assumeIdentityAwareRole:
            return "identity-aware credentials until \(expiry.map { $0.formatted(.iso8601) } ?? "-")"
        }
    }
}
