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
    /// Where the step went, what it sent and the answer's highlights (for the flow view);
    /// nil for a reused step.
    public var detail: StepDetail?

    public init(step: ExchangeStep, tenantID: String, outcome: Outcome, latency: Duration, detail: StepDetail? = nil) {
        self.step = step
        self.tenantID = tenantID
        self.outcome = outcome
        self.latency = latency
        self.detail = detail
    }

    public var failure: ServiceFailure? {
        if case .failed(let failure) = outcome { return failure }
        return nil
    }
}

/// Runs one exchange step: lets the gate hold it before it is sent (presenter mode), times
/// it, counts its attempts, logs it, reports it with its detail, and turns its error into
/// the exchange's typed error naming the step.
struct StepRunner {
    let tenantID: String
    let logger: Logger
    let observe: @Sendable (ExchangeStepReport) -> Void
    let gate: @Sendable (PendingExchangeStep) async -> Void

    func run<Result>(_ step: ExchangeStep, isolation: isolated (any Actor)? = #isolation, detail: StepDetail,
                     counter: AttemptCountingTransport? = nil, expiry: (Result) -> Date? = { _ in nil },
                     highlights: (Result) -> (fields: [StepDetail.Field], tokens: [DecodedToken]) = { _ in ([], []) },
                     _ body: () async throws -> Result) async throws(AccessorError) -> Result {
        await gate(PendingExchangeStep(step: step, tenantID: tenantID, detail: detail))
        if Task.isCancelled { throw .exchange(step: step, cause: ServiceFailure(CancellationError())) }
        let started = ContinuousClock.now
        var detail = detail
        do {
            let result = try await body()
            logger.debug("exchange step done", metadata: ["tenant": "\(tenantID)", "step": "\(step)"])
            let answer = highlights(result)
            detail.highlights += answer.fields
            detail.tokens += answer.tokens
            detail.attempts = counter?.attempts ?? 0
            observe(ExchangeStepReport(step: step, tenantID: tenantID, outcome: .succeeded(credentialsExpiry: expiry(result)),
                                       latency: started.duration(to: .now), detail: detail))
            return result
        } catch {
            let failure = ServiceFailure(error)
            logger.debug("exchange step failed", metadata: ["tenant": "\(tenantID)", "step": "\(step)", "error": "\(failure.userMessage)"])
            detail.attempts = counter?.attempts ?? 0
            observe(ExchangeStepReport(step: step, tenantID: tenantID, outcome: .failed(failure), latency: started.duration(to: .now),
                                       detail: detail))
            throw .exchange(step: step, cause: failure)
        }
    }
}
