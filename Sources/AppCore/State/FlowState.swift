import Accessor
import Foundation

/// The flow view (presenter mode): every step of this session between the named parties, as
/// the effects recorded it — sign-in, the exchange, each search page, the model call.
public struct FlowState: Sendable, Equatable {
    /// The flow view covers the screen (F4, or `demo --presenter` once an exchange starts).
    public var isShown = false
    /// The flow view fills the screen (the default); `z` docks it beside (or, on a narrow
    /// terminal, below) the screen it explains, so the room sees both, and back.
    public var isZoomed = true
    /// Presenter mode: each exchange step waits for Space before it is sent.
    public var presenter = false
    /// Whether the exchange running now still waits at each step (Esc runs the rest).
    public var stepsThrough = false
    public var entries: [FlowEntry] = []
    /// The selected entry (its fields and tokens are shown).
    public var selection = 0

    public init() {}

    /// The step waiting for Space, if any.
    public var waitingIndex: Int? { entries.lastIndex { $0.status == .waiting } }

    public var selected: FlowEntry? { entries.indices.contains(selection) ? entries[selection] : nil }

    /// Appends an entry and selects it (the diagram follows the newest step).
    mutating func append(_ entry: FlowEntry) {
        entries.append(entry)
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
        selection = entries.count - 1
    }

    /// Keeps the diagram to the recent steps of a long session.
    static let limit = 200
}

/// One step of the flow: who asked whom, what went and came back, how it ended.
public struct FlowEntry: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// Presenter mode: waiting for Space before it is sent.
        case waiting
        /// Sent; the answer is awaited.
        case sending
        case succeeded
        /// Not sent: cached credentials are still good.
        case reused
        case failed(cause: String, fix: String)
    }

    /// The step's name ("AssumeRole with the tenant tag").
    public var title: String
    public var detail: StepDetail
    public var status: Status
    public var latency: Duration?
    /// The exchange step this entry shows, for matching its report to its waiting entry.
    public var exchangeStep: ExchangeStep?
    public var tenantID: String?

    public init(title: String, detail: StepDetail, status: Status, latency: Duration? = nil,
                exchangeStep: ExchangeStep? = nil, tenantID: String? = nil) {
        self.title = title
        self.detail = detail
        self.status = status
        self.latency = latency
        self.exchangeStep = exchangeStep
        self.tenantID = tenantID
    }

    public var failure: (cause: String, fix: String)? {
        if case .failed(let cause, let fix) = status { return (cause, fix) }
        return nil
    }
}
