import Foundation

/// What a long session could leak, read from `/proc/self` (Linux): open file descriptors,
/// threads and resident memory. Logged with `--debug` so a soak can show there is no growth.
public struct ProcessVitals: Equatable {
    public var openFiles: Int
    public var threads: Int
    public var residentKilobytes: Int

    /// Nil where `/proc` is not mounted (macOS), so callers simply log nothing.
    public static func current() -> ProcessVitals? {
        guard let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"),
              let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func field(_ name: String) -> Int? {
            status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .flatMap { Int($0.dropFirst(name.count + 1).split(separator: " ").first ?? "") }
        }
        // The directory listing itself holds one descriptor while it runs.
        return ProcessVitals(openFiles: descriptors.count - 1, threads: field("Threads") ?? 0, residentKilobytes: field("VmRSS") ?? 0)
    }
}
