import Diagnostics
import SandboxTestSupport

extension SandboxSetup {
    /// `qseek doctor` on this setup's config and token cache, with nothing of the developer's environment.
    func checkup(tenant: String? = nil, all: Bool = false, environment extra: [String: String] = [:]) async -> DoctorReport {
        let options = SetupCheckup.Options(configOption: configPath, tenantID: tenant, continueAfterFailure: all,
                                           environment: environment.merging(extra) { $1 }, tokenCache: cache)
        return await SetupCheckup(options: options).run()
    }
}

extension DoctorReport {
    var failed: DiagnosticResult? { steps.first { $0.status == .failed } }
    func step(_ id: String, tenant: String? = nil) -> DiagnosticResult? {
        steps.first { $0.id == id && (tenant == nil || $0.tenant == tenant) }
    }
}
