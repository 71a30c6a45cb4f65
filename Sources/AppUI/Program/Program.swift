import AppCore
import Foundation
import Logging
import Synchronization
import Terminal

/// The app's loop over any `Backend`: input → keymap → `Action` → `update` → effects →
/// runner → actions → `update`, drawing after every change.
///
/// `update` is the only place state changes: the clipboard, mouse capture, redraws and
/// quitting are effects like any other, carried out by the runner through `TerminalService`
/// (the program's backend). Time arrives as `.tick` actions from an injected clock, so a test
/// (`Pilot`) drives the whole app on a `MemoryBackend` without a terminal or a real clock.
@MainActor
public final class Program {
    public private(set) var state: AppState
    public let backend: any Backend
    public let keymap: Keymap
    private let catalog: ThemeCatalog
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private let mailbox = ActionMailbox()
    private var runner: EffectRunner!
    private var lastDrawn: AppState?
    private var lastTick: Date
    private var ticks = 0

    /// Seconds between ticks (the status bar's credential countdown, the vitals log).
    public static let tickInterval: TimeInterval = 1

    public init(state: AppState, backend: any Backend, catalog: ThemeCatalog, services: AppServices,
                clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "qseek.tui")) {
        self.state = state
        self.backend = backend
        self.catalog = catalog
        self.clock = clock
        self.logger = logger
        keymap = Keymap(themeNames: catalog.names)
        lastTick = clock()
        let mailbox = self.mailbox
        runner = EffectRunner(services: services, terminal: ProgramTerminal(program: self)) { mailbox.post($0) }
    }

    /// The effect runner, for tests and shutdown (`tasksInFlight`).
    public var effects: EffectRunner { runner }

    /// Queues an action as if a service had reported it (e.g. a notice at launch).
    public nonisolated func post(_ action: Action) {
        mailbox.post(action)
    }

    /// Draws the first frame, then starts what launching does (the saved sign-in check),
    /// so the screen is up before anything waits on the network.
    public func start() async {
        let effects = apply(.launched)
        render()
        await runner.run(effects)
    }

    /// Runs until the user quits, then cancels what is in flight and gives the terminal back.
    public func run() async {
        await start()
        while !state.hasQuit {
            // Short waits while work is in flight, so streamed pages show at once.
            if let event = backend.nextEvent(timeout: .milliseconds(isBusy ? 15 : 100)) {
                await handle(event)
            }
            await deliverPendingActions()
            if clock().timeIntervalSince(lastTick) >= Self.tickInterval {
                await tick()
            }
        }
        await runner.cancelAll()
        backend.shutDown()
    }

    /// What one input event does: a key or mouse action, or a redraw at the new size.
    public func handle(_ event: InputEvent) async {
        if case .resize = event {
            backend.invalidate()
            render(force: true)
            return
        }
        guard let action = keymap.action(for: event, in: state, size: backend.size) else { return }
        await dispatch(action)
    }

    /// Runs one action through `update`, hands its effects to the runner and redraws.
    public func dispatch(_ action: Action) async {
        let effects = apply(action)
        if !effects.isEmpty { await runner.run(effects) }
        render()
    }

    /// Dispatches what the runner reported since the last call, in order.
    public func deliverPendingActions() async {
        for action in mailbox.takeAll() {
            await dispatch(action)
        }
    }

    /// Whether the runner has reported something not yet delivered.
    public var hasPendingActions: Bool { !mailbox.isEmpty }

    /// The clock's time as a `.tick`, and every fifth tick a `vitals` line with `--debug`.
    public func tick() async {
        lastTick = clock()
        await dispatch(.tick(lastTick))
        ticks += 1
        if ticks % 5 == 0 { await logVitals() }
    }

    /// Draws the state if it changed since the last frame (or the theme did).
    public func render(force: Bool = false) {
        guard force || lastDrawn != state else { return }
        let theme = catalog.theme(named: state.themeName).theme.adapted(to: backend.colorCapability)
        var canvas = Canvas(size: backend.size)
        AppView(state: state, theme: theme, keymap: keymap).draw(into: &canvas)
        backend.present(canvas)
        lastDrawn = state
    }

    private func apply(_ action: Action) -> [Effect] {
        let effects = update(&state, action)
        if ActionLog.isTransition(action) {
            logger.debug("flow", metadata: ["action": "\(ActionLog.name(of: action))",
                                            "effects": "\(effects.map(ActionLog.name(of:)).joined(separator: ","))"])
        }
        return effects
    }

    private var isBusy: Bool {
        state.passages.isSearching || state.conversation.current?.answerStatus.isStreaming == true || state.signIn.isBusy
            || state.tenantPicker.exchange != nil
    }

    /// Every five seconds with `--debug`: what a long session could leak, so a soak can show it does not.
    private func logVitals() async {
        guard logger.logLevel <= .debug, let vitals = ProcessVitals.current() else { return }
        let tasks = await runner.tasksInFlight
        logger.debug("vitals", metadata: ["tasks": "\(tasks)", "fds": "\(vitals.openFiles)",
                                          "threads": "\(vitals.threads)", "rssKB": "\(vitals.residentKilobytes)"])
    }

    // MARK: What the runner asks of the terminal

    fileprivate func copyToClipboard(_ text: String) -> Bool {
        backend.copyToClipboard(text).isTruncated
    }

    fileprivate func setMouseCapture(_ enabled: Bool) {
        backend.setMouseCapture(enabled)
    }

    fileprivate func redraw() {
        backend.invalidate()
        render(force: true)
    }
}

/// The program's backend as the effect runner sees it. Holds the program weakly: the
/// program owns the runner, not the other way round.
private struct ProgramTerminal: TerminalService {
    weak let program: Program?

    func copyToClipboard(_ text: String) async -> Bool {
        await program?.copyToClipboard(text) ?? false
    }

    func setMouseCapture(_ enabled: Bool) async {
        await program?.setMouseCapture(enabled)
    }

    func redraw() async {
        await program?.redraw()
    }
}

/// Actions waiting for the loop: posted from any thread, taken on the main one.
final class ActionMailbox: Sendable {
    private let queue = Mutex<[Action]>([])

    func post(_ action: Action) {
        queue.withLock { $0.append(action) }
    }

    func takeAll() -> [Action] {
        queue.withLock { actions in
            defer { actions.removeAll() }
            return actions
        }
    }

    var isEmpty: Bool { queue.withLock { $0.isEmpty } }
}
