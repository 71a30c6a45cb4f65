import AppCore
import Foundation
import OIDC

/// Sign-in for the TUI: the OIDC session, with demo users approved without a browser.
struct IdentityAdapter: IdentityService {
    let environment: AppEnvironment

    func signIn(_ method: SignInMethod, progress: @escaping @Sendable (AppCore.SignInProgress) -> Void) async throws(Failure) -> UserIdentity {
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
            throw Failure(error.isNetworkFailure ? .network : .signIn, error.userMessage)
        } catch is CancellationError {
            throw Failure(.signIn, "Sign-in cancelled.")
        } catch {
            throw Failure(.unexpected, "Sign-in failed unexpectedly (\(type(of: error))).")
        }
    }

    /// The user of a still-valid (or silently refreshed) cached sign-in.
    func offersDeviceFlow() async -> Bool {
        (try? await environment.signIn.supportsDeviceFlow()) ?? false
    }

    func resumeSavedSignIn() async -> UserIdentity? {
        guard let tokens = try? await environment.signIn.validTokens() else { return nil }
        return user(from: tokens)
    }

    func signOut() async {
        _ = try? await environment.signIn.signOut()
    }

    func user(from tokens: TokenSet) -> UserIdentity {
        UserIdentity(subject: tokens.claims.subject, email: tokens.claims.email, name: tokens.claims.name,
                     tenantIDs: environment.claimedTenantIDs(in: tokens))
    }
}

/// "Opens" an authorization URL by fetching it and following the IdP's redirect to the
/// loopback receiver: what a browser does when the IdP approves at once. The one redirect is
/// followed here, and only to a loopback address: the transport follows none.
struct DirectApproval: URLOpener {
    var transport: any HTTPTransport = AsyncHTTPTransport.shared

    func open(_ url: URL) -> Bool {
        Task { [transport] in
            guard let answer = try? await transport.send(HTTPRequest(method: "GET", url: url.absoluteString), timeout: .seconds(30)),
                  (300..<400).contains(answer.statusCode), let location = answer.header("Location"),
                  let callback = URL(string: location), callback.scheme == "http",
                  ["127.0.0.1", "localhost", "[::1]", "::1"].contains(callback.host ?? "") else { return }
            _ = try? await transport.send(HTTPRequest(method: "GET", url: callback.absoluteString), timeout: .seconds(30))
        }
        return true
    }
}
