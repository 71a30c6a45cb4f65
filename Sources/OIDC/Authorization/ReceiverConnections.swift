import NIOConcurrencyHelpers
import NIOCore

/// The connections a ``LoopbackReceiver`` has accepted, so it can cap them and close them
/// when the flow is over: a long-lived process (the TUI) must not keep a stranger's
/// half-open connections, nor let anyone exhaust its descriptors by opening many.
final class ReceiverConnections: Sendable {
    private struct State {
        var open: [ObjectIdentifier: (channel: any Channel, answering: Bool)] = [:]
        var closed = false
    }

    let limit: Int
    private let state = NIOLockedValueBox(State())

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    var count: Int { state.withLockedValue { $0.open.count } }

    /// Takes the connection in, unless the receiver is closed or already holds `limit`.
    func admit(_ channel: any Channel) -> Bool {
        state.withLockedValue { state in
            guard !state.closed, state.open.count < limit else { return false }
            state.open[ObjectIdentifier(channel)] = (channel, false)
            return true
        }
    }

    func remove(_ channel: any Channel) {
        _ = state.withLockedValue { $0.open.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// The connection is writing its answer and closes itself when done; `closeAll` lets it
    /// finish, so the browser still shows the page that says sign-in worked.
    func markAnswering(_ channel: any Channel) {
        state.withLockedValue { $0.open[ObjectIdentifier(channel)]?.answering = true }
    }

    /// Closes every connection that is not writing its answer, and refuses new ones.
    func closeAll() {
        let idle = state.withLockedValue { state -> [any Channel] in
            state.closed = true
            return state.open.values.filter { !$0.answering }.map(\.channel)
        }
        for channel in idle { channel.close(promise: nil) }
    }
}
