import AppCore
import AppUI
import Assistant
import Foundation
import Logging
import Synchronization
import Terminal

/// The TUI's event loop: input → keymap → `update` → effects → runner → actions → `update`,
/// drawing after every change. It runs on the main thread, which owns the terminal; the
/// runner's actions arrive through a mailbox the loop drains between key reads.
@MainActor
final class InteractiveApp {
    private var state: AppState
    private let catalog: ThemeCatalog
    private let keymap: Keymap
    private let mailbox = ActionMailbox()
    private var runner: EffectRunner!
    private var quitting = false
    private var mouseCapture: Bool
    private let logger: Logger
    private var ticks = 0

    init(state: AppState, catalog: ThemeCatalog, mouse: Bool, identity: IdentityService, gateway: TenantGateway, system: SystemServices,
         model: (any ModelBackend)?, history: (any HistoryService)?, logger: Logger) {
        self.state = state
        self.logger = logger
        self.catalog = catalog
        self.mouseCapture = mouse
        keymap = Keymap(themeNames: catalog.names)
        let mailbox = self.mailbox
        runner = EffectRunner(identity: identity, gateway: gateway, system: system, model: model, history: history) { action in
            mailbox.post(action)
        }
    }

    /// Queues an action as if a service had reported it (e.g. a resumed sign-in).
    func post(_ action: Action) {
        mailbox.post(action)
    }

    /// Runs until the user quits.
    func run(on backend: CursesBackend) async {
        var lastDrawn: AppState?
        var lastTick = Date()
        var theme = themeFor(backend)
        // The first frame already shows what launching will do; its work starts once it is up.
        var launchEffects: [Effect]? = launch(&state)
        while !quitting {
            if lastDrawn != state || theme.name != state.themeName {
                theme = themeFor(backend)
                var canvas = Canvas(size: backend.size)
                AppView(state: state, theme: theme).draw(into: &canvas)
                backend.present(canvas)
                lastDrawn = state
                if let effects = launchEffects {
                    // The first frame is up: now what may wait on the network (saved sign-in, discovery).
                    launchEffects = nil
                    await runner.run(effects)
                }
            }
            // Short waits while work is in flight, so streamed pages show at once.
            let busy = state.passages.isSearching || state.conversation.current?.answerStatus.isStreaming == true || state.signIn.isBusy || state.tenantPicker.exchange != nil
            if let event = backend.nextEvent(timeout: .milliseconds(busy ? 15 : 100)) {
                handle(event, backend: backend)
            }
            for action in mailbox.takeAll() {
                await dispatch(action, backend: backend)
            }
            if Date().timeIntervalSince(lastTick) >= 1 {
                lastTick = Date()
                await dispatch(.tick(lastTick), backend: backend)
                ticks += 1
                if ticks % 5 == 0 { await logVitals() }
            }
        }
        await runner.cancelAll()
    }

    private func handle(_ event: InputEvent, backend: CursesBackend) {
        if case .resize = event {
            backend.invalidate()
            return
        }
        switch keymap.command(for: event, in: state, size: backend.size) {
        case .action(let action)?:
            mailbox.post(action, first: true)
        case .redraw?:
            backend.invalidate()
            var canvas = Canvas(size: backend.size)
            AppView(state: state, theme: themeFor(backend)).draw(into: &canvas)
            backend.present(canvas)
        case .toggleMouseCapture?:
            mouseCapture.toggle()
            backend.setMouseCapture(mouseCapture)
            mailbox.post(.noticed(mouseCapture ? "Mouse capture on." : "Mouse capture off: select text with the mouse."))
        case nil:
            break
        }
    }

    private func dispatch(_ action: Action, backend: CursesBackend) async {
        var effects = update(&state, action)
        if ActionLog.isTransition(action) {
            logger.debug("flow", metadata: ["action": "\(ActionLog.name(of: action))",
                                            "effects": "\(effects.map(ActionLog.name(of:)).joined(separator: ","))"])
        }
        // The terminal itself carries out what only it can: the clipboard, quitting.
        effects.removeAll { effect in
            switch effect {
            case .copyToClipboard(let text, let what):
                backend.copyToClipboard(text)
                state.notice = "Copied \(what) to the clipboard (OSC 52)."
                return true
            case .quit:
                quitting = true
                return true
            default:
                return false
            }
        }
        if !effects.isEmpty { await runner.run(effects) }
    }

    /// Every five seconds with `--debug`: what a long session could leak, so a soak can show it does not.
    private func logVitals() async {
        guard logger.logLevel <= .debug, let vitals = ProcessVitals.current() else { return }
        let tasks = await runner.tasksInFlight
        logger.debug("vitals", metadata: ["tasks": "\(tasks)", "fds": "\(vitals.openFiles)",
                                          "threads": "\(vitals.threads)", "rssKB": "\(vitals.residentKilobytes)"])
    }

    private func themeFor(_ backend: CursesBackend) -> Theme {
        catalog.theme(named: state.themeName).theme.adapted(to: backend.colorCapability)
    }
}

/// Actions waiting for the loop: posted from any thread, taken on the main one.
final class ActionMailbox: Sendable {
    private let queue = Mutex<[Action]>([])

    func post(_ action: Action, first: Bool = false) {
        queue.withLock { actions in
            if first { actions.insert(action, at: 0) } else { actions.append(action) }
        }
    }

    func takeAll() -> [Action] {
        queue.withLock { actions in
            defer { actions.removeAll() }
            return actions
        }
    }
}
