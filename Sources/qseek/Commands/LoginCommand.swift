import ArgumentParser
import Foundation
import LiveServices
import Logging
import OIDC
import QseekConfiguration

/// `qseek login`: sign in at the ISV's IdP and keep the result in the token cache.
struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign in at your organisation's identity provider.",
        discussion: """
            The sign-in URL is always printed to stderr, so this works over SSH: open it on any machine whose browser can reach this one's 127.0.0.1, or use --device.
            --tenant ID signs in at that tenant's own IAM Identity Center instead (tenants with auth = "idc-auth-code"); the browser returns to the tenant's redirect_uri.
            """
    )

    @OptionGroup var common: SignInCommonOptions

    @Flag(name: .long, help: "Do not open a browser; only print the URL.")
    var noBrowser = false

    @Flag(name: .long, help: "Use the device flow: enter a short code on another device.")
    var device = false

    @Option(name: .long, help: "Login hint: the user name or email to pre-fill at the IdP. A demo user of the sandbox ([identity] demo_users) is signed in with no browser.")
    var user: String?

    @Option(name: .long, help: "Seconds to wait for the browser (default 300).")
    var timeout: Int = 300

    @Option(name: .long, help: "Sign in at this auth-code tenant's IAM Identity Center (see `qseek tenants`).")
    var tenant: String?

    func validate() throws {
        if device && noBrowser { throw ValidationError("--device and --no-browser cannot be combined: the device flow never opens a browser.") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second.") }
        if tenant != nil && device { throw ValidationError("--device and --tenant cannot be combined: Identity Center signs users in through the browser.") }
    }

    func run() async throws {
        if let tenant {
            try await signInAtIdentityCenter(of: tenant)
            return
        }
        do {
            let (session, identity) = try SignInCommandSupport.sessionAndIdentity(options: common)
            let progress = SignInCommandSupport.progress(logger: Logger(debugFile: common.debug))
            let useDevice = try await shouldUseDevice(session: session, flow: identity.flow)
            let tokens: TokenSet
            if useDevice {
                tokens = try await session.signInWithDevice(progress: progress)
            } else if let user, identity.demoUsers.contains(user) {
                // A demo user of the sandbox (`[identity] demo_users`) is approved at once: the
                // URL is fetched here, as a browser would, so no one needs to be at one.
                let options = AuthorizationCodeFlow.Options(openBrowser: true, loginHint: user, timeout: .seconds(timeout))
                tokens = try await session.signInWithBrowser(options: options, browser: DirectApproval(), progress: progress)
            } else {
                let options = AuthorizationCodeFlow.Options(openBrowser: !noBrowser, loginHint: user, timeout: .seconds(timeout))
                tokens = try await session.signInWithBrowser(options: options, progress: progress)
            }
            let name = tokens.claims.email ?? tokens.claims.name ?? tokens.claims.subject
            SignInCommandSupport.report("Signed in to \(tokens.claims.issuer) as \(name).")
        } catch {
            throw CommandFailure(error).exit()
        }
    }

    /// `--tenant ID`: the sign-in at an auth-code tenant's own IAM Identity Center.
    private func signInAtIdentityCenter(of tenantID: String) async throws {
        try await CommandContext.run(options: common) { environment in
            let tenant = try environment.tenant(id: tenantID)
            let session = try await IdentityCenterLogin.signIn(to: tenant, in: environment, user: user, openBrowser: !noBrowser,
                                                               timeout: .seconds(timeout),
                                                               progress: SignInCommandSupport.progress(logger: environment.logger))
            SignInCommandSupport.report("Signed in to the Identity Center of \(tenant.name) as \(session.user).")
        }
    }

    /// `--device` wins; otherwise `[identity].flow` decides, and `auto` picks the device flow
    /// only where no browser can be opened and the IdP offers it.
    private func shouldUseDevice(session: SignInSession, flow: QseekConfig.Flow) async throws -> Bool {
        if device { return true }
        switch flow {
        case .device: return true
        case .browser: return false
        case .auto:
            if noBrowser || BrowserLauncher().command() != nil { return false }
            return try await session.supportsDeviceFlow()
        }
    }
}
