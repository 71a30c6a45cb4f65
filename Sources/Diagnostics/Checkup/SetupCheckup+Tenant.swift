import Accessor
import LiveServices
import QseekConfiguration
import Synchronization

extension SetupCheckup {
    /// TTI-FLOW.md steps 2–6 for one tenant, run by the app's own `TrustedIdentityExchange`
    /// and `PassageSearch` (doctor watches their step reports); false when the run must stop.
    func exchangeAndSearch(_ configured: QseekConfig.Tenant, idToken: String?, claimed: Set<String>?, environment: AppEnvironment,
                                   advice: DoctorAdvice, _ record: (DiagnosticResult) -> Bool) async -> Bool {
        let id = configured.id
        guard let tenant = environment.tenants.first(where: { $0.id == id }) else { return true }
        // A fresh exchange of its own: nothing cached may stand in for a step being checked.
        let exchange = TrustedIdentityExchange(account: environment.account, endpoints: environment.endpoints, transport: environment.transport,
                                               idToken: { SignedInUser(subject: "qseek-doctor", idToken: idToken) },
                                               identityCenterSessions: environment.identityCenterSessions, logger: options.logger)
        let reports = Mutex<[ExchangeStepReport]>([])
        var exchanged = false
        var needsSignIn = false
        var needsIdentityCenterSignIn: String?
        do {
            _ = try await exchange.credentials(for: tenant) { report in reports.withLock { $0.append(report) } }
            exchanged = true
        } catch {
            if case .signInRequired = error { needsSignIn = true }
            if case .identityCenterSignInRequired(_, let reason) = error { needsIdentityCenterSignIn = reason }
        }
        for report in reports.withLock({ $0 }) {
            let title = report.step.doctorTitle(for: configured)
            switch report.outcome {
            case .succeeded(let expiry):
                guard record(.ok(report.step.doctorID, title, tenant: id, report.step.doctorDetail(configured: environment.config, expiry: expiry))) else { return false }
            case .reused:
                guard record(.ok(report.step.doctorID, title, tenant: id, "reused")) else { return false }
            case .failed(let failure):
                guard record(.failed(report.step.doctorID, title, tenant: id,
                                     advice.diagnose(failure, step: report.step.doctorID, tenant: configured))) else { return false }
                return skipRest(after: report.step.doctorID, tenant: id, record)
            }
        }
        if needsSignIn {
            guard record(.skipped("create-token", ExchangeStep.exchangeToken.doctorTitle(for: configured), tenant: id, "needs a sign-in")) else { return false }
            return skipRest(after: "create-token", tenant: id, record)
        }
        if let reason = needsIdentityCenterSignIn, reports.withLock({ $0.isEmpty }) {
            // An auth-code tenant nobody signed in to yet: nothing is wrong, there is nothing to renew.
            guard record(.skipped("refresh-token", ExchangeStep.refreshIdentityCenterToken.doctorTitle(for: configured), tenant: id,
                                  "needs an Identity Center sign-in (\(reason)) Run `qseek login --tenant \(id)`.")) else { return false }
            return skipRest(after: "create-token", tenant: id, record)
        }
        guard exchanged else { return true }

        let searchTitle = "SearchRelevantContent with a probe query"
        let search = PassageSearch(exchange: exchange, endpoints: environment.endpoints, transport: environment.transport, logger: options.logger)
        do {
            var count = 0
            for try await page in search.pages(of: PassageQuery(tenant: tenant, text: options.probeQuery, pageSize: 1, maxPages: 1)) {
                count += page.count
            }
            return record(.ok("search", searchTitle, tenant: id,
                              "application \(tenant.applicationID) answered (\(count) passage\(count == 1 ? "" : "s") for \"\(options.probeQuery)\")"))
        } catch {
            var diagnosis = advice.diagnose(error, step: "search", tenant: configured)
            // A tenant id the user's own claim does not list either is most likely mistyped.
            if (error as? AccessorError)?.cause?.awsCode == "AccessDeniedException", let claimed, !claimed.contains(id) {
                diagnosis.fix = "\(id) is not in this user's `\(environment.config.identity.tenantClaim)` claim (\(claimed.sorted().joined(separator: ", "))) either: check \(advice.tenantKey(configured, "id")) for a typo. " + diagnosis.fix
            }
            return record(.failed("search", searchTitle, tenant: id, diagnosis))
        }
    }

    /// Marks the tenant's later steps as skipped (only reached with `--all`).
    func skipRest(after step: String, tenant: String, _ record: (DiagnosticResult) -> Bool) -> Bool {
        let order = [("create-token", "CreateTokenWithIAM at the tenant's Identity Center"),
                     ("identity-aware-role", "AssumeRole with the identity context (sts:SetContext)"),
                     ("search", "SearchRelevantContent with a probe query")]
        guard let start = order.firstIndex(where: { $0.0 == step }).map({ $0 + 1 }) ?? (step == "assume-role" ? 0 : nil) else { return true }
        for (id, title) in order[start...] {
            guard record(.skipped(id, title, tenant: tenant, "needs the step before")) else { return false }
        }
        return true
    }
}
