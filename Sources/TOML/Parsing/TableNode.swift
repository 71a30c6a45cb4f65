/// A table while the document is being read: mutable, shared by reference so headers and
/// dotted keys can reach it again, and marked with how it came to exist — which decides
/// what may still add to it (TOML 1.0, "Table" and "Array of Tables").
final class TableNode {
    enum Origin: Equatable {
        /// Created on the way to a deeper header (`a` for `[a.b]`); a header may still define it.
        case implicit
        /// Defined by its own `[header]` (or `[[header]]` element).
        case header
        /// Created by dotted keys in one section; only that section's dotted keys may add to it.
        case dotted(section: Int)
    }

    enum Entry {
        case value(TOMLValue)
        case table(TableNode)
        case tableArray(TableArrayNode)
    }

    var origin: Origin
    var line: Int
    let depth: Int
    private(set) var entries: [(key: String, entry: Entry)] = []
    private var indices: [String: Int] = [:]

    init(origin: Origin, line: Int, depth: Int) {
        self.origin = origin
        self.line = line
        self.depth = depth
    }

    subscript(key: String) -> Entry? {
        guard let index = indices[key], index < entries.count else { return nil }
        return entries[index].entry
    }

    func add(_ entry: Entry, forKey key: String) {
        indices[key] = entries.count
        entries.append((key, entry))
    }

    /// The finished, immutable table.
    var table: TOMLTable {
        var table = TOMLTable()
        for (key, entry) in entries {
            switch entry {
            case .value(let value): table.insert(value, forKey: key)
            case .table(let node): table.insert(node.value, forKey: key)
            case .tableArray(let array): table.insert(array.value, forKey: key)
            }
        }
        return table
    }

    var value: TOMLValue { TOMLValue(.table(table), line: line) }
}

/// An array of tables (`[[name]]`): each header appends one table.
final class TableArrayNode {
    private(set) var tables: [TableNode]
    let line: Int

    init(first: TableNode) {
        tables = [first]
        line = first.line
    }

    func append(_ table: TableNode) {
        tables.append(table)
    }

    var value: TOMLValue { TOMLValue(.array(tables.map(\.value)), line: line) }
}
