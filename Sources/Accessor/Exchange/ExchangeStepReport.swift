import AWS
import Foundation
import Logging

/// One step of an exchange as it ended: which, for which tenant, how, and how long it took.
/// Never a secret: the credentials themselves stay with the exchange.
public struct ExchangeStepReport: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// Sent and answered; `credentialsExpiry` is when the credentials it yielded expire.
        case succeeded(credentialsExpiry: Date?)
        case failed(ServiceFailure)
        /// Not sent: the cached identity-aware credentials are still good.
        case reused
    }

    public var step: ExchangeStep
    public var tenantID: String
    public var outcome: Outcome
    public var latency: Duration

    public init(step: ExchangeStep, tenantID: String, outcome: Outcome, latency: Duration) {
        self.step = step
        self.tenantID = tenantID
        self.outcome = outcome
        self.latency = latency
    }

    public var failure: ServiceFailure? {
        if case .failed(let failure) = outcome { return failure }
        return nil
    }
}

/// Runs one exchange step: times it, logs it, reports it, and turns its error into the
/// exchange's typed error naming the step.
struct StepRunner {
    let tenantID: String
    let logger: Logger
    let observe: @Sendable (ExchangeStepReport) -> Void

    func run<Result>(_ step: ExchangeStep, isolation: isolated (any Actor)? = #isolation, expiry: (Result) -> Date? = { _ in nil },
                     _ body: () async throws -> Result) async throws(AccessorError) -> Result {
        let started = ContinuousClock.now
        do {
            let result = try await body()
            logger.debug("exchange step done", metadata: ["tenant": "\(tenantID)", "step": "\(step)"])
            observe(ExchangeStepReport(step: step, tenantID: tenantID, outcome: .succeeded(credentialsExpiry: expiry(result)),
                                       latency: started.duration(to: .now)))
            return result
        } catch {
            let failure = ServiceFailure(error)
            logger.debug("exchange step failed", metadata: ["tenant": "\(tenantID)", "step": "\(step)", "error": "\(failure.userMessage)"])
            observe(ExchangeStepReport(step: step, tenantID: tenantID, outcome: .failed(failure), latency: started.duration(to: .now)))
            throw .exchange(step: step, cause: failure)
        }
    }
}
