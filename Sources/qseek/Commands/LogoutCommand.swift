import ArgumentParser
import OIDC

/// `qseek logout`: forget the sign-in, and revoke it at the IdP where that is supported.
struct Logout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Sign out: forget the cached sign-in and revoke it at the IdP.")

    @OptionGroup var common: SignInCommonOptions

    func run() async throws {
        do {
            let session = try SignInCommandSupport.session(options: common)
            let hadSignIn = await session.cachedSignIn() != nil
            let revoked = try await session.signOut()
            switch (hadSignIn, revoked) {
            case (false, _): SignInCommandSupport.report("Nobody was signed in.")
            case (true, true): SignInCommandSupport.report("Signed out; the IdP revoked the session's tokens.")
            case (true, false): SignInCommandSupport.report("Signed out on this machine (the IdP offers no token revocation, or it failed).")
            }
        } catch {
            throw SignInCommandSupport.fail(error)
        }
    }
}
