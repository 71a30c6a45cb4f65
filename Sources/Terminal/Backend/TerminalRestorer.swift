import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts the terminal back the way the user had it, whatever way qseek ends.
///
/// On a normal exit `CursesBackend.shutDown()` calls `endwin()`. A signal (SIGTERM, SIGHUP,
/// SIGINT from outside, or a crash: SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE) can
/// arrive anywhere, where calling into ncurses is not safe; the handler therefore only does
/// what is async-signal-safe: write the mode-reset sequences, restore the saved termios, and
/// re-raise the signal with its default action so the exit status stays truthful.
enum TerminalRestorer {
    // Written once before any handler is installed, then only read (from handlers).
    nonisolated(unsafe) private static var savedAttributes = termios()
    nonisolated(unsafe) private static var hasSavedAttributes = false

    /// Leaves the alternate screen, shows the cursor, turns off mouse reporting and
    /// bracketed paste, resets colors.
    static let resetSequence: [UInt8] = Array(
        "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[?2004l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)

    static let handledSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE]

    /// Saves the terminal's current settings and installs the handlers. Call before `initscr`.
    static func install() {
        if tcgetattr(STDIN_FILENO, &savedAttributes) == 0 {
            hasSavedAttributes = true
        }
        for signalNumber in handledSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = restoreAndReraise
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(signalNumber, &action, nil)
        }
    }

    /// Removes the handlers after a normal shutdown.
    static func uninstall() {
        for signalNumber in handledSignals {
            signal(signalNumber, SIG_DFL)
        }
    }

    fileprivate static func restoreFromSignalHandler() {
        resetSequence.withUnsafeBytes { bytes in
            _ = write(STDOUT_FILENO, bytes.baseAddress, bytes.count)
        }
        if hasSavedAttributes {
            _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedAttributes)
        }
    }
}

/// The handler itself: a plain C function pointer (no captures).
private func restoreAndReraise(_ signalNumber: Int32) {
    TerminalRestorer.restoreFromSignalHandler()
    // SA_RESETHAND put the default action back; raising again ends the process with it.
    raise(signalNumber)
}
