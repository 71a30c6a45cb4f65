import Foundation

/// How many cases a randomised test runs. By default a few hundred, so that no test holds one
/// of Swift Testing's cooperative threads for seconds while the rest of the suite waits;
/// `QSEEK_TEST_ITERATIONS=full` runs each test's full count, and a number runs that many.
public enum RandomisedCases {
    public static func count(full: Int, quick: Int = 300,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        switch environment["QSEEK_TEST_ITERATIONS"] {
        case "full": full
        case let value? where Int(value).map { $0 > 0 } == true: Int(value)!
        default: min(full, quick)
        }
    }
}
