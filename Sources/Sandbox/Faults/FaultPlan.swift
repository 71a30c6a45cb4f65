import Foundation

/// What `--faults` asks for, e.g. `throttle=0.2,error=0.05,latency=50ms..400ms,expire-credentials-after=60s,drop=0.01`,
/// or `model-pace=300ms` for a model that writes slowly. Applies to the AWS endpoints only; the IdP always behaves.
public struct FaultPlan: Sendable, Equatable {
    /// Probability of answering with the service's throttling error.
    public var throttle: Double = 0
    /// Probability of a 500 internal error.
    public var error: Double = 0
    /// Probability of closing the connection without answering.
    public var drop: Double = 0
    /// Extra latency drawn uniformly from this range, in milliseconds.
    public var latency: ClosedRange<Int>?
    /// Session credentials older than this are refused as expired.
    public var expireCredentialsAfter: TimeInterval?
    /// Pause between the model's streamed deltas, in milliseconds: a slow model, so an answer
    /// can be watched (and stopped) while it is being written.
    public var modelPace: Int?
    /// Errors answered on purpose (`idc-error=…`, `qbusiness-error=…`, `model-stream-error=…`, …).
    public var scripted = ScriptedFaults()

    public init() {}

    /// Whether requests are delayed, refused or dropped (a slow model alone leaves them be).
    var touchesRequests: Bool { latency != nil || throttle + error + drop > 0 }

    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case malformed(String)

        public var description: String {
            switch self {
            case .malformed(let part): "--faults: cannot read \"\(part)\" (expected e.g. throttle=0.2,error=0.05,latency=50ms..400ms,expire-credentials-after=60s,drop=0.01,model-pace=300ms; or idc-error=kms-access-denied, qbusiness-error=license-not-found, identity-context-lifetime=0s, model-stream-error=throttling, model-stop=guardrail_intervened, model-reasoning=on)"
            }
        }
    }

    public static func parse(_ spec: String) throws(ParseError) -> FaultPlan {
        var plan = FaultPlan()
        for part in spec.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { throw .malformed(part) }
            let (name, value) = (pieces[0], pieces[1])
            switch name {
            case "throttle", "error", "drop":
                guard let probability = Double(value), (0...1).contains(probability) else { throw .malformed(part) }
                if name == "throttle" { plan.throttle = probability } else if name == "error" { plan.error = probability } else { plan.drop = probability }
            case "latency":
                let bounds = value.components(separatedBy: "..")
                guard let low = milliseconds(bounds[0]), let high = milliseconds(bounds.count == 2 ? bounds[1] : bounds[0]),
                      bounds.count <= 2, low <= high else { throw .malformed(part) }
                plan.latency = low...high
            case "expire-credentials-after":
                guard let ms = milliseconds(value), ms > 0 else { throw .malformed(part) }
                plan.expireCredentialsAfter = TimeInterval(ms) / 1000
            case "model-pace":
                guard let ms = milliseconds(value), ms <= 60_000 else { throw .malformed(part) }
                plan.modelPace = ms
            default:
                guard plan.scripted.read(name, value) == true else { throw .malformed(part) }
            }
        }
        return plan
    }

    /// `250ms`, `2s`, `1m` or a bare number of milliseconds.
    static func milliseconds(_ text: String) -> Int? {
        for (suffix, factor) in [("ms", 1), ("s", 1000), ("m", 60_000)] where text.hasSuffix(suffix) {
            return Int(text.dropLast(suffix.count)).flatMap { $0 >= 0 ? $0 * factor : nil }
        }
        return Int(text).flatMap { $0 >= 0 ? $0 : nil }
    }
}

/// Draws faults from a seeded generator so the same seed and request order misbehave the same way.
actor FaultInjector {
    enum Outcome: Equatable {
        case serve
        case throttle
        case internalError
        case drop
    }

    let plan: FaultPlan
    private var generator: SplitMix64

    init(plan: FaultPlan, seed: UInt64) {
        self.plan = plan
        generator = SplitMix64(seed: seed)
    }

    /// The delay (milliseconds) and the outcome for the next AWS request.
    func next() -> (delay: Int, outcome: Outcome) {
        guard plan.touchesRequests else { return (0, .serve) }
        let delay = plan.latency.map { Int.random(in: $0, using: &generator) } ?? 0
        let roll = Double.random(in: 0..<1, using: &generator)
        if roll < plan.drop { return (delay, .drop) }
        if roll < plan.drop + plan.throttle { return (delay, .throttle) }
        if roll < plan.drop + plan.throttle + plan.error { return (delay, .internalError) }
        return (delay, .serve)
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
