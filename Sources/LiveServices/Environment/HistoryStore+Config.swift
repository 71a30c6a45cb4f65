import AppCore
import Assistant
import Foundation
import History
import QseekConfiguration

extension HistoryStore {
    /// The store `[history] mode` asks for, at `$XDG_STATE_HOME/qseek/history.sqlite`.
    public static func opened(for config: QseekConfig, environment: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) -> HistoryStore {
        let mode = HistoryMode(rawValue: config.history.mode.rawValue) ?? .metadata
        do {
            return try HistoryStore(path: HistoryStore.defaultPath(environment: environment), mode: mode)
        } catch {
            throw .unexpected(error.userMessage)
        }
    }
}

extension StoredConversation {
    /// The conversation as the Markdown export renders it.
    public var markdownTurns: [ConversationMarkdown.Turn] {
        turns.map { turn in
            ConversationMarkdown.Turn(question: turn.question, answer: turn.answer,
                                      citations: turn.citations.map(Citation.init),
                                      model: turn.model, askedAt: turn.askedAt, wasStopped: turn.wasStopped)
        }
    }
}
