import Accessor
import AWS
import Foundation
import OIDC

/// `qseek login --tenant ID`: signs in at an auth-code tenant's own IAM Identity Center. The
/// browser leg is OIDC's (state, PKCE, loopback receiver on the registered redirect URI); the
/// exchange redeems the code and keeps the refresh token for renewals with no browser.
public enum IdentityCenterLogin {
    /// The whole sign-in: browser (a demo user of the tenant is approved with no one at a
    /// browser), then the code's exchange. Shared by `qseek login --tenant` and the TUI.
    public static func signIn(to tenant: Tenant, in environment: AppEnvironment, user: String?, openBrowser: Bool, timeout: Duration,
                       observe: @escaping @Sendable (ExchangeStepReport) -> Void = { _ in },
                       progress: @escaping @Sendable (SignInProgress) -> Void) async throws -> IdentityCenterSession {
        guard case .identityCenterAuthCode(let redirectURI) = tenant.authentication else {
            throw CommandFailure.usage("tenant \(tenant.id) signs in at your identity provider (auth = \"tti\"); run `qseek login` without --tenant.")
        }
        let endpoint: Endpoint
        do {
            endpoint = try environment.endpoints.endpoint(for: .ssoOIDC, region: tenant.idcRegion)
        } catch {
            throw AccessorError.configuration(ServiceFailure(error))
        }
        guard let authorize = URL(string: endpoint.url(path: "/authorize")) else {
            throw CommandFailure.usage("the Identity Center endpoint \(endpoint) gives no authorization URL")
        }
        let demoUsers = environment.config.tenants.first { $0.id == tenant.id }?.demoUsers ?? []
        let isDemoUser = user.map { demoUsers.contains($0) } ?? false
        let browser: any URLOpener = isDemoUser ? DirectApproval() : BrowserLauncher()
        let grant = try await BrowserAuthorization(authorizationEndpoint: authorize, clientID: tenant.idcApplicationARN,
                                                   redirectURI: redirectURI, browser: browser)
            .run(options: AuthorizationCodeFlow.Options(openBrowser: openBrowser || isDemoUser, loginHint: user, timeout: timeout),
                 progress: progress)
        return try await environment.exchange.signIn(
            to: tenant, with: TrustedIdentityExchange.AuthorizationCode(code: grant.code, redirectURI: grant.redirectURI,
                                                                        codeVerifier: grant.codeVerifier),
            observe: observe)
    }
}
