import Accessor
import Assistant
import Foundation

/// The runner's record of the calls outside the exchange, for the flow view: what each
/// search page and the model call sent and got, never a passage's text or a secret.
enum FlowRecord {
    static func searchPage(_ query: PassageQuery, page: Int, passages: Int, more: Bool, host: String?,
                           latency: Duration) -> FlowEntry {
        var request = [
            StepDetail.Field("Application ID", query.tenant.applicationID),
            StepDetail.Field("Retriever ID", query.tenant.retrieverID),
            StepDetail.Field("Query", query.text),
            StepDetail.Field("Page", page == 1 ? "1 (no nextToken)" : "\(page) (nextToken of page \(page - 1))"),
            StepDetail.Field("Page size", "\(query.pageSize)"),
        ]
        if query.filter != nil { request.append(.init("Attribute filter", "yes (from the @key=value filters)")) }
        request.append(.init("Signed with", "credentials B, the identity-aware ones (SigV4)"))
        let highlights = [
            StepDetail.Field("Passages", "\(passages)"),
            StepDetail.Field("More pages", more ? "yes (nextToken returned)" : "no"),
        ]
        return FlowEntry(title: "SearchRelevantContent, page \(page)",
                         detail: StepDetail(party: .qBusiness, operation: "SearchRelevantContent", host: host,
                                            region: query.tenant.region, request: request, highlights: highlights),
                         status: .succeeded, latency: latency, tenantID: query.tenant.id)
    }

    static func modelCall(_ request: ModelRequest, model: String, host: String?) -> FlowEntry {
        let fields = [
            StepDetail.Field("Model", model),
            StepDetail.Field("Prompt", "\(request.prompt.count) characters (the question and the included passages)"),
            StepDetail.Field("Earlier turns", "\(request.history.count)"),
            StepDetail.Field("Signed with", "the ISV's own credentials: the model sees only the prompt"),
        ]
        return FlowEntry(title: "Model call (streamed answer)",
                         detail: StepDetail(party: .model, operation: "ConverseStream", host: host, request: fields),
                         status: .sending)
    }

    /// Keeps what the answer's stream says about itself (usage, stop reason), not its text.
    static func note(_ event: ModelEvent, in entry: inout FlowEntry) {
        switch event {
        case .usage(let usage):
            entry.detail.highlights.removeAll { $0.name == "Tokens" }
            entry.detail.highlights.append(.init("Tokens", "\(usage.inputTokens) in, \(usage.outputTokens) out"))
        case .stopped(let reason):
            entry.detail.highlights.append(.init("Stop reason", reason))
        default:
            break
        }
    }
}
