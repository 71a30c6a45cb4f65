import AppCore
import Foundation
import OIDC

/// Sign-in for the TUI: the OIDC session, with demo users approved without a browser.
public struct IdPSignIn: IdentityService {
    let environment: AppEnvironment

    public init(environment: AppEnvironment) {
        self.environment = environment
    }

    public func signIn(_ method: SignInMethod, progress: @escaping @Sendable (AppCore.SignInProgress) -> Void) async throws(OIDCError) -> UserIdentity {
        let report: @Sendable (OIDC.SignInProgress) -> Void = { step in
            switch step {
            case .authorizationURL(let url): progress(.openedBrowser(url: url.absoluteString))
            case .deviceCode(let code, let uri, _, _): progress(.showDeviceCode(userCode: code, verificationURL: uri.absoluteString))
            default: break
            }
        }
        do {
            let tokens: TokenSet
            switch method {
            case .browser:
                tokens = try await environment.signIn.signInWithBrowser(progress: report)
            case .device:
                tokens = try await environment.signIn.signInWithDevice(progress: report)
            case .demoUser(let hint):
                // The sandbox approves a login_hint naming a demo user at once: fetching the
                // authorization URL plays the browser, over the same PKCE flow and receiver.
                tokens = try await environment.signIn.signInWithBrowser(
                    options: .init(openBrowser: true, loginHint: hint), browser: DirectApproval(), progress: report)
            }
            return user(from: tokens)
        } catch let error as OIDCError {
            throw error
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .receiverFailed("sign-in failed unexpectedly (\(type(of: error)))")
        }
    }

    public func offersDeviceFlow() async -> Bool {
        (try? await environment.signIn.supportsDeviceFlow()) ?? false
    }

    /// The user of a still-valid (or silently refreshed) cached sign-in.
    public func resumeSavedSignIn() async -> UserIdentity? {
        guard let tokens = try? await environment.signIn.validTokens() else { return nil }
        return user(from: tokens)
    }

    /// Also forgets the Identity Center sign-ins of auth-code tenants, as `qseek logout` does.
    public func signOut() async {
        _ = try? await environment.signIn.signOut()
        for tenant in environment.tenants where tenant.usesIdentityCenterSignIn {
            try? await environment.exchange.signOut(of: tenant)
        }
    }

    func user(from tokens: TokenSet) -> UserIdentity {
        UserIdentity(subject: tokens.claims.subject, email: tokens.claims.email, name: tokens.claims.name,
                     tenantIDs: environment.claimedTenantIDs(in: tokens) == nil ? nil : environment.tenants(for: tokens).map(\.id))
    }
}
