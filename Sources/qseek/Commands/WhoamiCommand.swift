import ArgumentParser
import Foundation
import LiveServices
import OIDC
import Terminal

/// `qseek whoami`: who is signed in. Shows claims about the user, never a token.
struct Whoami: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Show who is signed in (subject, email, name, issuer, expiry).")

    @OptionGroup var common: SignInCommonOptions

    @Flag(name: .long, help: "Print one JSON document.")
    var json = false

    func run() async throws {
        let tokens: TokenSet
        do {
            // Renews silently when the ID token is about to expire, like every other command.
            tokens = try await SignInCommandSupport.session(options: common).validTokens()
        } catch {
            throw CommandFailure(error).exit()
        }
        let claims = tokens.claims
        let document = IdentityDocument(subject: claims.subject, email: claims.email, name: claims.name, issuer: claims.issuer,
                                        expiresAt: claims.expiresAt)
        if json {
            StandardStreams.out(try PassageOutput.encode(document, formatting: [.sortedKeys, .withoutEscapingSlashes]) + "\n")
        } else {
            for line in document.lines { StandardStreams.out(TextSanitizer().sanitize(line) + "\n") }
        }
    }
}
