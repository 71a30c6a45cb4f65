import ArgumentParser
import Foundation
import OIDC
import Terminal

/// `qseek whoami`: who is signed in. Shows claims about the user, never a token.
struct Whoami: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Show who is signed in (subject, email, name, issuer, expiry).")

    @OptionGroup var common: SignInCommonOptions

    @Flag(name: .long, help: "Print one JSON document.")
    var json = false

    /// The stable `--json` shape: every key always present, `null` when the IdP gave no value.
    struct Identity: Encodable {
        var subject: String
        var email: String?
        var name: String?
        var issuer: String
        var expiresAt: String

        enum CodingKeys: String, CodingKey { case subject, email, name, issuer, expiresAt }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(subject, forKey: .subject)
            try c.encode(email, forKey: .email)
            try c.encode(name, forKey: .name)
            try c.encode(issuer, forKey: .issuer)
            try c.encode(expiresAt, forKey: .expiresAt)
        }
    }

    func run() async throws {
        let tokens: TokenSet
        do {
            // Renews silently when the ID token is about to expire, like every other command.
            tokens = try await SignInCommandSupport.session(options: common).validTokens()
        } catch {
            throw SignInCommandSupport.fail(error)
        }
        let claims = tokens.claims
        let expiry = ISO8601DateFormatter().string(from: claims.expiresAt)
        if json {
            let document = Identity(subject: claims.subject, email: claims.email, name: claims.name, issuer: claims.issuer, expiresAt: expiry)
            print(try PassageOutput.encode(document, formatting: [.sortedKeys, .withoutEscapingSlashes]))
        } else {
            print("subject: \(TextSanitizer().sanitize(claims.subject))")
            if let email = claims.email { print("email:   \(TextSanitizer().sanitize(email))") }
            if let name = claims.name { print("name:    \(TextSanitizer().sanitize(name))") }
            print("issuer:  \(TextSanitizer().sanitize(claims.issuer))")
            print("expires: \(expiry)")
        }
    }
}
