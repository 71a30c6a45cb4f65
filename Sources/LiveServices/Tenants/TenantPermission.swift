import Accessor
import HTTP

extension AppEnvironment {
    /// The configured tenant `id`, when the user may use it: with `[identity] tenant_claim`
    /// set, only the tenants that claim of the user's ID token lists, as the TUI and `tenants`
    /// show. Checked before any AWS call, so no request for another tenant is ever signed.
    ///
    /// With a backend's token (``providedIDToken``) the claim is read from it unverified:
    /// Identity Center verifies it in the exchange, so a forged claim gets no further than this check.
    public func permittedTenant(id: String) async throws -> Tenant {
        let tenant = try tenant(id: id)
        let claim = config.identity.tenantClaim
        // An auth-code tenant's own Identity Center decides who may use it; the ISV's IdP is not involved.
        guard !claim.isEmpty, !tenant.usesIdentityCenterSignIn else { return tenant }
        let claimed = UnverifiedJWT(try await currentIDToken())?.strings(claim) ?? []
        guard !Tenant.available([tenant], claimedIDs: claimed).isEmpty else {
            throw CommandFailure.signIn("tenant \(id) is not in your sign-in's `\(claim)` claim, so you may not search it "
                                        + "(yours: \(claimed.isEmpty ? "none" : claimed.sorted().joined(separator: ", "))).")
        }
        return tenant
    }
}
