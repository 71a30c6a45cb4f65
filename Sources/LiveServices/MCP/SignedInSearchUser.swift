import Accessor
import OIDC
import SearchTools

extension AppEnvironment {
    /// The cached sign-in's user; never opens a browser: when it is missing or cannot be
    /// renewed, the tool result tells the person to run `qseek login`.
    public func signedInSearchUser() -> SearchUserSource {
        { [self] in
            let tokens: TokenSet
            do {
                tokens = try await signIn.validTokens()
            } catch let error as OIDCError {
                throw SearchToolsError.signInRequired(error.userMessage.hasSuffix(".") ? error.userMessage : error.userMessage + ".")
            }
            // An auth-code tenant is searchable once this machine's user has signed in at its
            // Identity Center (`qseek login --tenant ID`); the server never starts that sign-in.
            var searchable: [Tenant] = []
            for tenant in self.tenants(for: tokens) {
                let signedInThere = tenant.usesIdentityCenterSignIn ? await exchange.identityCenterSession(for: tenant) != nil : true
                if signedInThere { searchable.append(tenant) }
            }
            let claims = tokens.claims
            return SearchUser(subject: claims.subject, email: claims.email, name: claims.name, issuer: claims.issuer,
                              expiresAt: claims.expiresAt, tenants: searchable, search: search)
        }
    }
}
