import ArgumentParser
import Sandbox

/// `--faults` and `--seed`: how the sandbox's AWS endpoints misbehave, for `sandbox serve` and `demo`.
struct FaultOptions: ParsableArguments {
    @Option(help: "Faults for the AWS endpoints, e.g. throttle=0.2,error=0.05,latency=50ms..400ms,expire-credentials-after=60s,drop=0.01; model-pace=300ms makes the model write slowly; idc-error=kms-access-denied, qbusiness-error=license-not-found, identity-context-lifetime=0s, model-stream-error=throttling, model-stop=guardrail_intervened, model-reasoning=on answer with that error (see docs/configuration.md).")
    var faults: String?

    @Option(help: "Seed for the fault injector.")
    var seed: UInt64 = 1

    func validate() throws {
        _ = try plan()
    }

    /// The parsed plan (empty without `--faults`).
    func plan() throws -> FaultPlan {
        guard let faults else { return FaultPlan() }
        do {
            return try FaultPlan.parse(faults)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
