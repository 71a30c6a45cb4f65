import Accessor
import AppCore
import AWS
import Foundation

/// A gateway that runs the exchange as `TrustedIdentityExchange` reports it — the gate
/// before each step, a detailed report after — with tokens that carry known secrets, so a
/// test can check they never reach the screen. Search goes to the wrapped fakes.
struct PresenterGateway: TenantGateway {
    let fakes: FakeServices
    /// The step that fails (as throttling that outlasted the retries), if any.
    var failing: ExchangeStep?

    static let signatureSecret = "c2lnLXNlY3JldC1zaWduYXR1cmUtdmFsdWU"
    static let identityContext = "IDCTX-secret-identity-context-value"
    static let accessToken = "aoa-secret-access-token-value"
    static let sessionToken = "FQoG-secret-session-token-value"

    static func jwt(_ claims: String) -> String {
        Base64URL.encode(Array(#"{"alg":"RS256","kid":"sandbox-1","typ":"JWT"}"#.utf8)) + "."
            + Base64URL.encode(Array(claims.utf8)) + "." + signatureSecret
    }

    static let idToken = jwt(#"{"iss":"http://127.0.0.1:8080/idp","aud":"qseek-demo","sub":"u-ana","email":"ana@acme.example","exp":1800003600}"#)
    static let identityCenterToken = jwt(#"{"iss":"https://identitycenter.amazonaws.com/ssoins-1","aud":"apl-acme","sub":"idc-ana","exp":1800003600,"sts:identity_context":"\#(identityContext)"}"#)

    func exchange(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void) async throws(AccessorError) -> Date {
        try await exchange(for: tenant, observe: observe, gate: { _ in }, signInURL: { _ in }).expiresAt
    }

    func exchange(for tenant: Tenant, observe: @escaping @Sendable (ExchangeStepReport) -> Void,
                  gate: @escaping @Sendable (PendingExchangeStep) async -> Void,
                  signInURL: @escaping @Sendable (String) -> Void) async throws(AccessorError) -> (expiresAt: Date, identityCenterUser: String?) {
        fakes.record.withLock { $0.exchanges.append(tenant.id) }
        for step in ExchangeStep.trustedTokenIssuerSteps {
            var detail = Self.detail(step, tenant: tenant)
            await gate(PendingExchangeStep(step: step, tenantID: tenant.id, detail: detail))
            if step == failing {
                let failure = ServiceFailure.aws(AWSError(service: "sso-oidc", code: "ThrottlingException", message: "Rate exceeded",
                                                          statusCode: 400))
                detail.attempts = 3
                observe(ExchangeStepReport(step: step, tenantID: tenant.id, outcome: .failed(failure), latency: .milliseconds(30),
                                           detail: detail))
                throw .exchange(step: step, cause: failure)
            }
            detail.attempts = 1
            switch step {
            case .exchangeToken:
                detail.highlights = [.init("Issued token type", "urn:ietf:params:oauth:token-type:access_token"),
                                     .init("Access token", Redacted.describe(Self.accessToken))]
                detail.tokens.append(DecodedToken(name: "Identity Center ID token", token: Self.identityCenterToken))
            default:
                detail.highlights = [.init("Assumed-role ARN", "arn:aws:sts::111122223333:assumed-role/QseekDataAccessor/u-ana"),
                                     .init("Session token", Redacted.describe(Self.sessionToken))]
            }
            observe(ExchangeStepReport(step: step, tenantID: tenant.id, outcome: .succeeded(credentialsExpiry: nil),
                                       latency: .milliseconds(12), detail: detail))
        }
        return (Date(timeIntervalSince1970: 1_800_000_900), nil)
    }

    static func detail(_ step: ExchangeStep, tenant: Tenant) -> StepDetail {
        switch step {
        case .exchangeToken:
            return StepDetail(party: .identityCenter, operation: "CreateTokenWithIAM", host: "oidc.\(tenant.idcRegion).amazonaws.com",
                              region: tenant.idcRegion, request: [.init("Client ID", tenant.idcApplicationARN),
                                                                  .init("Grant type", "urn:ietf:params:oauth:grant-type:jwt-bearer")],
                              tokens: [DecodedToken(name: "ID token (sent as the assertion)", token: idToken)])
        case .assumeIdentityAwareRole:
            return StepDetail(party: .sts, operation: "AssumeRole", host: "sts.us-east-1.amazonaws.com", region: "us-east-1",
                              request: [.init("Provider ARN", "arn:aws:iam::aws:contextProvider/IdentityCenter")],
                              tokens: [DecodedToken(name: "Identity Center ID token", token: identityCenterToken)])
        default:
            return StepDetail(party: .sts, operation: "AssumeRole", host: "sts.us-east-1.amazonaws.com", region: "us-east-1",
                              request: [.init("Role ARN", "arn:aws:iam::111122223333:role/QseekDataAccessor"),
                                        .init("Session tag", "qbusiness-dataaccessor:ExternalId = \(tenant.id)")])
        }
    }

    func pages(of query: PassageQuery) -> AsyncThrowingStream<[Passage], any Error> { fakes.pages(of: query) }
    func discardCredentials() async { await fakes.discardCredentials() }

    func endpointHost(for party: FlowParty, region: String) -> String? {
        party == .qBusiness ? "qbusiness.\(region).api.aws" : nil
    }
}
