import Foundation
import History

/// The history screen: the conversations of this user in this tenant.
public struct HistoryBrowserState: Sendable, Equatable {
    public var items: [ConversationSummary] = []
    public var selection = 0
    public var isLoading = false
    public var error: String?

    public var selected: ConversationSummary? { items.indices.contains(selection) ? items[selection] : nil }
}
