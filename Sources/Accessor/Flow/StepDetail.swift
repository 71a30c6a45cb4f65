import Foundation

/// What one step of the flow sent and what came back, as a presenter shows it: where it
/// went, the request fields that matter, the answer's highlights, decoded tokens and how
/// many attempts it took. Built by the code that sends the request, so the same record
/// describes the sandbox and real AWS. Never a secret: secret values appear only as
/// `Redacted.describe`.
public struct StepDetail: Sendable, Equatable {
    /// One named value ("Role ARN", "arn:aws:iam::…").
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Who answers the request.
    public var party: FlowParty
    /// The API operation ("AssumeRole", "CreateTokenWithIAM").
    public var operation: String
    public var host: String?
    public var region: String?
    public var request: [Field]
    public var highlights: [Field]
    public var tokens: [DecodedToken]
    /// HTTP attempts the step took (1 when nothing was retried); 0 when not counted.
    public var attempts: Int

    public init(party: FlowParty, operation: String, host: String? = nil, region: String? = nil, request: [Field] = [],
                highlights: [Field] = [], tokens: [DecodedToken] = [], attempts: Int = 0) {
        self.party = party
        self.operation = operation
        self.host = host
        self.region = region
        self.request = request
        self.highlights = highlights
        self.tokens = tokens
        self.attempts = attempts
    }

    /// Retries beyond the first attempt.
    public var retries: Int { max(0, attempts - 1) }
}

/// A step about to be sent: what the presenter explains before pressing Space.
public struct PendingExchangeStep: Sendable, Equatable {
    public var step: ExchangeStep
    public var tenantID: String
    public var detail: StepDetail

    public init(step: ExchangeStep, tenantID: String, detail: StepDetail) {
        self.step = step
        self.tenantID = tenantID
        self.detail = detail
    }
}
