import Accessor

/// The tenant picker: type-to-filter over the tenants this user may use, and the step list
/// of the exchange once one is chosen.
public struct TenantPickerState: Sendable, Equatable {
    public var configured: [Tenant]
    /// The tenants of the signed-in user (configured ones, filtered by the tenant claim).
    public var available: [Tenant] = []
    public var filter = ""
    public var selection = 0
    public var lastChosenID: String?
    public var exchange: ExchangeProgress?

    public init(configured: [Tenant], lastChosenID: String?) {
        self.configured = configured
        self.lastChosenID = lastChosenID
    }

    /// The tenants matching the filter (name or id, case-insensitive).
    public var visible: [Tenant] {
        let needle = filter.lowercased()
        guard !needle.isEmpty else { return available }
        return available.filter { $0.name.lowercased().contains(needle) || $0.id.lowercased().contains(needle) }
    }

    public var selected: Tenant? {
        let visible = visible
        return visible.indices.contains(selection) ? visible[selection] : nil
    }
}

/// The TTI exchange for one tenant, step by step, so a failure names its step.
public struct ExchangeProgress: Sendable, Equatable {
    public var tenantID: String
    public var completed: [ExchangeStep] = []
    public var failure: ExchangeFailure?
    /// The steps this tenant's exchange runs (TTI or auth code).
    public var steps: [ExchangeStep]
    /// Auth-code tenants: the Identity Center sign-in URL while the browser is out.
    public var signInURL: String?

    public init(tenantID: String, steps: [ExchangeStep] = ExchangeStep.trustedTokenIssuerSteps) {
        self.tenantID = tenantID
        self.steps = steps
    }

    /// The step running now (the first not completed), unless it failed.
    public var current: ExchangeStep? {
        guard failure == nil else { return nil }
        return steps.first { !completed.contains($0) }
    }
}

/// The step of the exchange that failed, and why.
public struct ExchangeFailure: Sendable, Equatable {
    public var step: ExchangeStep
    public var message: String

    public init(step: ExchangeStep, message: String) {
        self.step = step
        self.message = message
    }
}
