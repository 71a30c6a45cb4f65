import Accessor
import ArgumentParser
import LiveServices
import OIDC
import QseekConfiguration

/// `qseek logout`: forget the sign-in, and revoke it at the IdP where that is supported; also
/// forget the Identity Center sign-ins of auth-code tenants (or only one, with `--tenant`).
struct Logout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Sign out: forget the cached sign-in and revoke it at the IdP.",
        discussion: "Also forgets every auth-code tenant's Identity Center sign-in (its refresh token); --tenant ID forgets only that one."
    )

    @OptionGroup var common: SignInCommonOptions

    @Option(name: .long, help: "Forget only this auth-code tenant's Identity Center sign-in.")
    var tenant: String?

    func run() async throws {
        do {
            let (config, _) = try QseekConfig.load(option: common.config)
            let sessions = CachedIdentityCenterSessions(cache: TokenCache(directory: TokenCache.defaultDirectory()))
            let authCodeTenants = AppEnvironment.tenants(of: config).filter(\.usesIdentityCenterSignIn)
            if let tenant {
                guard let target = authCodeTenants.first(where: { $0.id == tenant }) else {
                    throw ConfigError(file: nil, line: nil, key: "tenants", message: "no auth-code tenant \(tenant) is configured")
                }
                let hadSignIn = sessions.session(for: target) != nil
                try sessions.forget(target)
                SignInCommandSupport.report(hadSignIn ? "Forgot the Identity Center sign-in of \(target.name)." : "Nobody was signed in at the Identity Center of \(target.name).")
                return
            }
            var forgotten: [String] = []
            for target in authCodeTenants where sessions.session(for: target) != nil {
                try sessions.forget(target)
                forgotten.append(target.name)
            }
            if !forgotten.isEmpty {
                SignInCommandSupport.report("Forgot the Identity Center sign-in of \(forgotten.joined(separator: ", ")).")
            }
            guard !config.identity.issuer.isEmpty else { return }
            let session = try SignInCommandSupport.session(options: common)
            let hadSignIn = await session.cachedSignIn() != nil
            let revoked = try await session.signOut()
            switch (hadSignIn, revoked) {
            case (false, _): SignInCommandSupport.report("Nobody was signed in.")
            case (true, true): SignInCommandSupport.report("Signed out; the IdP revoked the session's tokens.")
            case (true, false): SignInCommandSupport.report("Signed out on this machine (the IdP offers no token revocation, or it failed).")
            }
        } catch {
            throw CommandFailure(error).exit()
        }
    }
}
