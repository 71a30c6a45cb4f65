import AppCore
import Foundation
import Synchronization
import Terminal

/// Drives the whole app in tests, as a user at a terminal would: keys in, screen out, on a
/// `MemoryBackend` with services the test provides and a clock it moves.
///
///     let pilot = Pilot(state: .fresh, services: fakes)
///     await pilot.start()
///     await pilot.press(.enter)
///     await pilot.type("vacation policy").press(.enter)
///     #expect(pilot.screen.contains("Passages (3)"))
///
/// After each input the pilot waits until the app is idle: every effect has ended and every
/// action it reported went through `update`. Services that wait on purpose (a search held
/// open to test cancelling it) say how many tasks they hold with `parkedTasks`, so waiting
/// for idle does not wait for them.
@MainActor
public final class Pilot {
    public let program: Program
    public let backend: MemoryBackend
    private let clock: PilotClock
    private let parkedTasks: @Sendable () -> Int

    /// How long `settle` waits for the app to go idle before giving up.
    public var settleTimeout: Duration = .seconds(60)

    public init(size: Size = Size(width: 80, height: 24), state: AppState, services: AppServices,
                catalog: ThemeCatalog = .builtin, parkedTasks: @escaping @Sendable () -> Int = { 0 }) {
        let backend = MemoryBackend(size: size)
        let clock = PilotClock(state.now)
        self.backend = backend
        self.clock = clock
        self.parkedTasks = parkedTasks
        program = Program(state: state, backend: backend, catalog: catalog, services: services, clock: { clock.now })
    }

    /// What the app shows now: the screen's rows, trailing spaces trimmed.
    public var screen: String { backend.text }
    public var state: AppState { program.state }

    /// Draws the first frame and runs what launching does.
    @discardableResult
    public func start() async -> Pilot {
        await program.start()
        return await settle()
    }

    @discardableResult
    public func press(_ key: Key, _ modifiers: Modifiers = []) async -> Pilot {
        await send(.key(KeyPress(key, modifiers: modifiers)))
    }

    /// Ctrl plus a letter.
    @discardableResult
    public func press(control letter: Character) async -> Pilot {
        await send(.key(.control(letter)))
    }

    /// Types `text` one key at a time.
    @discardableResult
    public func type(_ text: String) async -> Pilot {
        for character in text {
            await program.handle(.key(.character(character)))
        }
        return await settle()
    }

    @discardableResult
    public func paste(_ text: String) async -> Pilot {
        await send(.paste(text))
    }

    @discardableResult
    public func click(x: Int, y: Int) async -> Pilot {
        await send(.mouse(MouseEvent(action: .press(.left), x: x, y: y)))
    }

    @discardableResult
    public func scroll(up: Bool) async -> Pilot {
        await send(.mouse(MouseEvent(action: up ? .wheelUp : .wheelDown, x: 0, y: 0)))
    }

    /// Resizes the terminal, as the user dragging the window would.
    @discardableResult
    public func resize(to size: Size) async -> Pilot {
        backend.resize(to: size)
        while let event = backend.nextEvent(timeout: nil) {
            await program.handle(event)
        }
        return await settle()
    }

    /// Moves the clock on and delivers the tick.
    @discardableResult
    public func advance(by seconds: TimeInterval) async -> Pilot {
        clock.advance(by: seconds)
        await program.tick()
        return await settle()
    }

    @discardableResult
    public func send(_ event: InputEvent) async -> Pilot {
        await program.handle(event)
        return await settle()
    }

    /// Waits until every effect has ended (or is parked) and every reported action went
    /// through `update`; gives up after `settleTimeout`.
    @discardableResult
    public func settle() async -> Pilot {
        let deadline = ContinuousClock.now + settleTimeout
        while ContinuousClock.now < deadline {
            await program.deliverPendingActions()
            let running = await program.effects.tasksInFlight
            if running <= parkedTasks(), !program.hasPendingActions { break }
            try? await Task.sleep(for: .milliseconds(1))
        }
        program.render()
        return self
    }

    /// Waits until `condition` holds for the state, delivering actions as they come; false
    /// when it did not within `timeout`.
    public func waitUntil(timeout: Duration = .seconds(60), _ condition: (AppState) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            await program.deliverPendingActions()
            if condition(program.state) { return true }
            try? await Task.sleep(for: .milliseconds(1))
        }
        return condition(program.state)
    }
}

/// The pilot's clock: it moves only when the test says so.
final class PilotClock: Sendable {
    private let time: Mutex<Date>

    init(_ start: Date) { time = Mutex(start) }

    var now: Date { time.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        time.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
