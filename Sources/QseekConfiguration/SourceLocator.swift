import Foundation

/// Finds the line of a key in TOML source text.
///
/// TOMLKit reports lines for syntax errors but not for values, so after parsing we scan the
/// text ourselves: track the current table header (counting `[[tenants]]` occurrences) and
/// find `key =` inside it. Good enough for hand-written config files; when a key cannot be
/// found (dotted keys, inline tables) the table header's line is the fallback.
struct SourceLocator {
    private struct Entry {
        var table: String
        var index: Int
        var key: String?
        var line: Int
    }

    private var entries: [Entry] = []

    init(text: String) {
        var table = ""
        var counts: [String: Int] = [:]
        var index = 0
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            let number = offset + 1
            if line.hasPrefix("[") {
                let isArray = line.hasPrefix("[[")
                let name = line
                    .drop(while: { $0 == "[" })
                    .prefix(while: { $0 != "]" })
                    .trimmingCharacters(in: .whitespaces)
                    .replacingOccurrences(of: "\"", with: "")
                table = name
                if isArray {
                    index = counts[name, default: 0]
                    counts[name] = index + 1
                } else {
                    index = 0
                }
                entries.append(Entry(table: table, index: index, key: nil, line: number))
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = line[..<equals].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
                entries.append(Entry(table: table, index: index, key: key, line: number))
            }
        }
    }

    /// The line of `key` in `table` (the `index`-th occurrence for arrays of tables), or of
    /// the table header when `key` is nil or not found.
    func line(table: String, index: Int = 0, key: String?) -> Int? {
        if let key, let entry = entries.first(where: { $0.table == table && $0.index == index && $0.key == key }) {
            return entry.line
        }
        return entries.first(where: { $0.table == table && $0.index == index && $0.key == nil })?.line
    }
}
