import Foundation

/// Finds where a key stands in TOML source, for error messages: TOMLKit reports positions
/// for syntax errors only, not for the values it hands back.
struct SourceText {
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line of `key = …` inside `[table]` (nil: before any table header).
    func line(ofKey key: String, inTable table: String?) -> Int? {
        var current: String?
        for (index, raw) in lines.enumerated() {
            let line = raw.drop(while: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("[") {
                let header = line.dropFirst().prefix { $0 != "]" }
                current = header.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard current == table else { continue }
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where line.hasPrefix(candidate) {
                let rest = line.dropFirst(candidate.count).drop(while: { $0 == " " || $0 == "\t" })
                if rest.hasPrefix("=") || rest.hasPrefix(".") { return index + 1 }
            }
        }
        if table == nil, key != "", let header = lines.firstIndex(where: { $0.hasPrefix("[\(key)]") }) {
            return header + 1  // a key that is itself a table: [roles]
        }
        return nil
    }

    /// Sorts keys in the order they appear, so the first error reported is the first in the file.
    func order(of key: String, inTable table: String?) -> Int {
        line(ofKey: key, inTable: table) ?? Int.max
    }
}
