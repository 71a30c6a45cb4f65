import Foundation

extension LoopbackReceiver {
    /// The part every browser sign-in shares once this receiver listens: report `url`, open the
    /// browser when asked, wait for the redirect, close, and give back the authorization code.
    /// A denial at the IdP throws ``OIDCError/authorizationDenied(error:description:)``; the
    /// receiver is closed however this ends.
    func authorizationCode(signingInAt url: URL, redirectURI: String, options: AuthorizationCodeFlow.Options,
                           browser: any URLOpener, progress: @Sendable (SignInProgress) -> Void) async throws -> String {
        let callback: AuthorizationCallback
        do {
            progress(.authorizationURL(url))
            if options.openBrowser {
                progress(.browserLaunched(browser.open(url)))
            }
            progress(.waitingForBrowser(redirectURI: redirectURI))
            callback = try await waitForCallback(timeout: options.timeout)
        } catch {
            await close()
            throw error
        }
        await close()
        switch callback {
        case .denied(let error, let description):
            throw OIDCError.authorizationDenied(error: error, description: description)
        case .code(let code):
            progress(.exchangingCode)
            return code
        }
    }
}
