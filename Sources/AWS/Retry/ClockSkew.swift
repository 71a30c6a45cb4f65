import Foundation
import NIOConcurrencyHelpers

/// The offset between this machine's clock and AWS's, learned from a rejected request.
///
/// A laptop whose clock is off by more than five minutes gets `RequestTimeTooSkewed` (or a
/// signature error) from every service; the response's `Date` header tells the real time, and
/// signing with the corrected time lets the retry through. Shared per application.
public final class ClockSkew: Sendable {
    private let offset = NIOLockedValueBox<TimeInterval>(0)
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// The local clock plus the learned offset: the time to sign with.
    public var correctedNow: Date { now().addingTimeInterval(offset.withLockedValue { $0 }) }

    public var currentOffset: TimeInterval { offset.withLockedValue { $0 } }

    /// Learns the offset from an HTTP `Date` header; returns whether the offset changed by more
    /// than a minute (only then is a retry worth it).
    @discardableResult
    public func update(serverDate header: String) -> Bool {
        guard let serverDate = Self.parseHTTPDate(header) else { return false }
        let newOffset = serverDate.timeIntervalSince(now())
        return offset.withLockedValue { current in
            let changed = abs(newOffset - current) > 60
            current = newOffset
            return changed
        }
    }

    /// RFC 7231 IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func parseHTTPDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
