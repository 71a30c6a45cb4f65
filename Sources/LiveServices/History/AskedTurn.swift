import Accessor
import Assistant
import Foundation
import History
import HTTP

/// One `qseek ask` question and its answer, as the history keeps it: a one-turn conversation
/// under the user the search ran as and the tenant it searched.
public struct AskedTurn: Sendable {
    public var question: String
    public var answer: String
    public var model: String
    public var askedAt: Date
    /// The prompt's sources; `passages` give their text (`[history] mode = "full"` keeps it).
    public var citations: [Citation]
    public var passages: [Passage]
    public var tenant: String
    /// The answer stopped before the model finished (a failure mid-stream).
    public var wasCut: Bool

    public init(question: String, answer: String, model: String, askedAt: Date, citations: [Citation], passages: [Passage],
                tenant: String, wasCut: Bool = false) {
        self.question = question
        self.answer = answer
        self.model = model
        self.askedAt = askedAt
        self.citations = citations
        self.passages = passages
        self.tenant = tenant
        self.wasCut = wasCut
    }

    var historyTurn: HistoryTurn {
        let texts = Dictionary(passages.map { ($0.rank, $0.content) }, uniquingKeysWith: { first, _ in first })
        return HistoryTurn(question: question, answer: answer, model: model, askedAt: askedAt, answeredAt: Date(),
                           citations: citations.map {
                               HistoryCitation(number: $0.number, documentID: $0.documentID, title: $0.title, uri: $0.uri,
                                               text: texts[$0.number])
                           }, wasStopped: wasCut)
    }

    /// `ask` conversations are named by the millisecond they were asked at.
    var conversationID: String { "\(Int(askedAt.timeIntervalSince1970 * 1000))-ask" }
}

extension AppEnvironment {
    /// Keeps `turn` as `[history] mode` says (nothing when it is `off`), under the user whose
    /// ID token the search used: the backend's (``providedIDToken``), else the cached sign-in's.
    /// A store that opens but cannot write returns a warning instead of failing the answer.
    public func record(_ turn: AskedTurn,
                       processEnvironment: [String: String] = ProcessInfo.processInfo.environment) async throws(CommandFailure) -> String? {
        guard config.history.mode != .off else { return nil }
        let subject: String?
        if let providedIDToken {
            subject = UnverifiedJWT(providedIDToken)?.string("sub")
        } else {
            subject = try? await signIn.validTokens().claims.subject
        }
        guard let subject else { return nil }
        let store = try HistoryStore.opened(for: config, environment: processEnvironment)
        do {
            try store.record(turn.historyTurn, conversation: turn.conversationID, owner: HistoryOwner(user: subject, tenant: turn.tenant))
            return nil
        } catch {
            return error.userMessage
        }
    }
}
